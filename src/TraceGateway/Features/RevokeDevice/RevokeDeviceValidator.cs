using FluentValidation;
using TraceGateway.Validation;

namespace TraceGateway.Features.RevokeDevice;

public sealed class RevokeDeviceValidator : AbstractValidator<RevokeDeviceCommand>
{
    public RevokeDeviceValidator()
    {
        RuleFor(x => x.DeviceId).DeviceId();
    }
}
