using FluentValidation;

namespace TraceGateway.Features.GetEntryBundle;

public sealed class GetEntryBundleValidator : AbstractValidator<GetEntryBundleQuery>
{
    public GetEntryBundleValidator()
    {
        RuleFor(x => x.Seq).GreaterThanOrEqualTo(0);
    }
}
