using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;
using TraceLedger.Log;

namespace TraceGateway.Features.AppendHops;

/// <summary>
/// Forwards the hops that parsed to the ledger (which checks each device signature, key and counter) and answers one
/// receipt per item of the request, in request order; malformed items are refused without sinking the batch.
/// </summary>
public sealed class AppendHopsHandler(ILedgerClient ledger) : IRequestHandler<AppendHopsCommand, HopBatchResponse>
{
    public async Task<HopBatchResponse> Handle(AppendHopsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var batch = request.Batch!;
        var receipts = new ReceiptResponse[batch.Count];
        foreach (var (index, problem) in batch.Malformed)
        {
            receipts[index] = WireNames.Receipt(index, HopReceipt.Refused(RefusalReason.MalformedHop, problem));
        }

        var appended = await ledger.AppendAsync(batch.Hops.Select(h => h.Hop).ToList(), cancellationToken);
        if (appended.Receipts.Count != batch.Hops.Count)
        {
            throw new LedgerUnavailableException($"The ledger answered {appended.Receipts.Count} receipts for {batch.Hops.Count} hops.");
        }

        foreach (var receipt in appended.Receipts)
        {
            var index = batch.Hops[receipt.Index].Index;
            receipts[index] = receipt with { Index = index };
        }

        return appended with { Receipts = receipts };
    }
}
