using FluentValidation;
using TraceGateway.Validation;

namespace TraceGateway.Features.RegisterParty;

public sealed class RegisterPartyValidator : AbstractValidator<RegisterPartyCommand>
{
    public RegisterPartyValidator()
    {
        RuleFor(x => x.Gln).Gln();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Role).Must(r => r is "manufacturer" or "distributor" or "pharmacy" or "regulator")
            .WithMessage("'role' must be manufacturer, distributor, pharmacy or regulator.");
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90);
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180);
        RuleFor(x => x.Longitude).NotNull().When(x => x.Latitude is not null).WithMessage("Give both latitude and longitude, or neither.");
        RuleFor(x => x.Latitude).NotNull().When(x => x.Longitude is not null).WithMessage("Give both latitude and longitude, or neither.");
    }
}
