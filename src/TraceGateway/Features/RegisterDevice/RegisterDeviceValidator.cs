using FluentValidation;
using TraceGateway.Validation;

namespace TraceGateway.Features.RegisterDevice;

public sealed class RegisterDeviceValidator : AbstractValidator<RegisterDeviceCommand>
{
    public RegisterDeviceValidator()
    {
        RuleFor(x => x.DeviceId).DeviceId();
        RuleFor(x => x.PartyGln).Gln();
        RuleFor(x => x.PublicKey).P256PublicKey();
    }
}
