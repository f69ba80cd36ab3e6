using FluentValidation;
using TraceGateway.Validation;

namespace TraceGateway.Features.VerifyPacks;

public sealed class VerifyPacksValidator : AbstractValidator<VerifyPacksCommand>
{
    public VerifyPacksValidator()
    {
        RuleFor(x => x.PartyGln).Gln();
        RuleFor(x => x.Items).NotEmpty().Must(i => i is null || i.Count <= VerifyPacksCommand.MaxItems)
            .WithMessage($"'items' must hold 1-{VerifyPacksCommand.MaxItems} items.");
        RuleForEach(x => x.Items).Must(i => i is not null && (!string.IsNullOrWhiteSpace(i.Scan) || !string.IsNullOrWhiteSpace(i.Identifier) || !string.IsNullOrWhiteSpace(i.ScratchCode)))
            .WithMessage("Each item needs the scanned code, the identifier or a scratch code.");
        RuleForEach(x => x.Items).Must(i => i is null || ((i.Scan?.Length ?? 0) <= 1024 && (i.Identifier?.Length ?? 0) <= 200))
            .WithMessage("An item's code is too long.");
    }
}
