using FluentValidation;
using TraceGateway.Validation;

namespace TraceGateway.Features.VerifyPack;

public sealed class VerifyPackValidator : AbstractValidator<VerifyPackCommand>
{
    public VerifyPackValidator()
    {
        RuleFor(x => x.PartyGln).Gln();
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Scan) || !string.IsNullOrWhiteSpace(x.Identifier) || !string.IsNullOrWhiteSpace(x.ScratchCode))
            .OverridePropertyName("scan").WithMessage("Give the scanned code, the identifier or a scratch code.");
        RuleFor(x => x.Scan).MaximumLength(1024);
        RuleFor(x => x.Identifier).MaximumLength(200);
        RuleFor(x => x.Batch).MaximumLength(20);
        RuleFor(x => x.Expiry).Matches("^[0-9]{6}$").When(x => x.Expiry is not null).WithMessage("'expiry' must be YYMMDD.");
        RuleFor(x => x.ScratchCode).MaximumLength(64);
    }
}
