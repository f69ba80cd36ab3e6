using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Packs;

namespace TraceGateway.Features.RecallBatch;

public sealed class RecallBatchHandler(ILedgerClient ledger) : IRequestHandler<RecallBatchCommand, RecallResult>
{
    public Task<RecallResult> Handle(RecallBatchCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ledger.RecallAsync(new RecallRequest(request.ActorGln!, request.Gtin!, request.Lot, request.Reason!, request.Withdrawal), cancellationToken);
    }
}
