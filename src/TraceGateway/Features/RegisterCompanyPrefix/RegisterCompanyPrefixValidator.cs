using FluentValidation;
using TraceGateway.Validation;

namespace TraceGateway.Features.RegisterCompanyPrefix;

public sealed class RegisterCompanyPrefixValidator : AbstractValidator<RegisterCompanyPrefixCommand>
{
    public RegisterCompanyPrefixValidator()
    {
        RuleFor(x => x.Prefix).NotEmpty().Matches("^[0-9]{6,12}$").WithMessage("'prefix' must be 6-12 digits (a GS1 company prefix).");
        RuleFor(x => x.PartyGln).Gln();
    }
}
