using FluentValidation;
using TraceGateway.Validation;

namespace TraceGateway.Features.RotateDeviceKey;

public sealed class RotateDeviceKeyValidator : AbstractValidator<RotateDeviceKeyCommand>
{
    public RotateDeviceKeyValidator()
    {
        RuleFor(x => x.DeviceId).DeviceId();
        RuleFor(x => x.PublicKey).P256PublicKey();
    }
}
