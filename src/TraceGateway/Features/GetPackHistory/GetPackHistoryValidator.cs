using FluentValidation;
using TraceChain.Protocol.Hops;

namespace TraceGateway.Features.GetPackHistory;

public sealed class GetPackHistoryValidator : AbstractValidator<GetPackHistoryQuery>
{
    public GetPackHistoryValidator()
    {
        RuleFor(x => x.ItemKey).NotEmpty().Must(k => PackIdentifier.Problem(k) is null)
            .WithMessage(x => $"'itemKey' must be a canonical identifier (gtin:{{14 digits}}:ser:{{serial}}, sscc:{{18 digits}} or cn:{{20 digits}}): {PackIdentifier.Problem(x.ItemKey)}");
        RuleFor(x => x.Limit).InclusiveBetween(1, 1000).When(x => x.Limit is not null);
    }
}
