using FluentValidation;
using TraceChain.Protocol.Gs1;
using TraceGateway.Validation;

namespace TraceGateway.Features.RecallBatch;

public sealed class RecallBatchValidator : AbstractValidator<RecallBatchCommand>
{
    public RecallBatchValidator()
    {
        RuleFor(x => x.ActorGln).Gln();
        RuleFor(x => x.Gtin).NotEmpty().Must(g => g is not null && g.All(char.IsAsciiDigit) && CheckDigit.IsValidGtin(g))
            .WithMessage("'gtin' must be 8, 12, 13 or 14 digits with a valid check digit.");
        RuleFor(x => x.Lot).MaximumLength(20);
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
    }
}
