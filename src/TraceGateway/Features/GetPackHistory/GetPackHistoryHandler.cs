using MediatR;
using TraceGateway.Errors;
using TraceGateway.LedgerAccess;

namespace TraceGateway.Features.GetPackHistory;

public sealed class GetPackHistoryHandler(ILedgerClient ledger) : IRequestHandler<GetPackHistoryQuery, PackHistoryResponse>
{
    public async Task<PackHistoryResponse> Handle(GetPackHistoryQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var history = await ledger.GetItemHistoryAsync(request.ItemKey!, request.Limit ?? 100, cancellationToken);

        // The checkpoint is read after the history so it covers every entry returned; proofs are all against it.
        var checkpoint = await ledger.GetCheckpointAsync(cancellationToken);
        var entries = new List<PackHistoryEntry>(history.Count);
        foreach (var entry in history.Where(e => e.Seq < checkpoint.TreeSize))
        {
            var proof = await ledger.GetInclusionProofAsync(entry.Seq, checkpoint.TreeSize, cancellationToken);
            entries.Add(new PackHistoryEntry(entry.Seq, entry.ReceivedAt, entry.LeafHash, entry.Entry, proof.AuditPath));
        }

        return entries.Count == 0
            ? throw new NotFoundException($"The log has no entry about {request.ItemKey}.")
            : new PackHistoryResponse(request.ItemKey!, checkpoint.TreeSize, checkpoint.RootHash, checkpoint.Checkpoint, entries);
    }
}
