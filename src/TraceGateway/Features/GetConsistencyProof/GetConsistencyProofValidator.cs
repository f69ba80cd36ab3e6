using FluentValidation;

namespace TraceGateway.Features.GetConsistencyProof;

public sealed class GetConsistencyProofValidator : AbstractValidator<GetConsistencyProofQuery>
{
    public GetConsistencyProofValidator()
    {
        RuleFor(x => x.From).NotNull().WithMessage("Query parameter 'from' is required.").GreaterThanOrEqualTo(0);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From ?? 0).When(x => x.To is not null).WithMessage("'to' must be at least 'from'.");
    }
}
