using FluentValidation;

namespace TraceGateway.Features.GetEntry;

public sealed class GetEntryValidator : AbstractValidator<GetEntryQuery>
{
    public GetEntryValidator()
    {
        RuleFor(x => x.Seq).GreaterThanOrEqualTo(0);
    }
}
