using FluentValidation;
using TraceGateway.Validation;

namespace TraceGateway.Features.ListAlerts;

public sealed class ListAlertsValidator : AbstractValidator<ListAlertsQuery>
{
    public ListAlertsValidator()
    {
        RuleFor(x => x.Code).Matches("^[a-z_]{1,40}$").When(x => x.Code is not null).WithMessage("'code' must be an alert code such as unknown_serial.");
        RuleFor(x => x.Actor).Gln().When(x => x.Actor is not null);
        RuleFor(x => x.Identifier).MaximumLength(200);
        RuleFor(x => x.Limit).InclusiveBetween(1, 1000).When(x => x.Limit is not null);
    }
}
