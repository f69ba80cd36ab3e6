using FluentValidation;
using TraceGateway.Validation;

namespace TraceGateway.Features.RegisterCounterDevice;

public sealed class RegisterCounterDeviceValidator : AbstractValidator<RegisterCounterDeviceCommand>
{
    public RegisterCounterDeviceValidator()
    {
        RuleFor(x => x.PartyGln).Gln();
    }
}
