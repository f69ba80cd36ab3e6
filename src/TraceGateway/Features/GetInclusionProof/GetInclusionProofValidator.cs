using FluentValidation;

namespace TraceGateway.Features.GetInclusionProof;

public sealed class GetInclusionProofValidator : AbstractValidator<GetInclusionProofQuery>
{
    public GetInclusionProofValidator()
    {
        RuleFor(x => x.Seq).NotNull().WithMessage("Query parameter 'seq' is required.").GreaterThanOrEqualTo(0);
        RuleFor(x => x.Size).GreaterThan(x => x.Seq ?? 0).When(x => x.Size is not null).WithMessage("'size' must be greater than 'seq'.");
    }
}
