using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Packs;

namespace TraceGateway.Features.CommissionBatch;

public sealed class CommissionBatchHandler(ILedgerClient ledger) : IRequestHandler<CommissionBatchCommand, CommissionResult>
{
    public Task<CommissionResult> Handle(CommissionBatchCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ledger.CommissionAsync(
            new CommissionRequest(request.ManufacturerGln!, request.Gtin!, request.Lot!, request.Expiry!, request.Product!, request.Count, request.ImportedSerials, request.ChinaCodes, request.ScratchCodes),
            cancellationToken);
    }
}
