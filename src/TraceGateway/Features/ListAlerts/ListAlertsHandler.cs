using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Packs;

namespace TraceGateway.Features.ListAlerts;

public sealed class ListAlertsHandler(ILedgerClient ledger) : IRequestHandler<ListAlertsQuery, IReadOnlyList<Alert>>
{
    public Task<IReadOnlyList<Alert>> Handle(ListAlertsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ledger.ListAlertsAsync(new AlertFilter(request.Code, request.Open, request.Identifier, request.Actor, request.Limit ?? 100), cancellationToken);
    }
}
