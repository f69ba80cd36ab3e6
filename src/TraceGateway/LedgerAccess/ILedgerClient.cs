using TraceChain.Protocol.Signing;
using TraceLedger.Api;
using TraceLedger.Packs;

namespace TraceGateway.LedgerAccess;

/// <summary>
/// The one way the gateway reaches the ledger: <see cref="EmbeddedLedgerClient"/> over a ledger hosted in this
/// process, or <see cref="RemoteLedgerClient"/> over a separate <c>TraceLedger serve</c>. Shapes are the ledger's wire
/// records, so both modes answer alike. Refusals throw <see cref="LedgerRefusedException"/>; an unreachable or failing
/// ledger throws <see cref="LedgerUnavailableException"/>.
/// </summary>
public interface ILedgerClient
{
    /// <summary>Appends signed hops; one receipt per hop with <see cref="ReceiptResponse.Index"/> its position in <paramref name="hops"/>.</summary>
    Task<HopBatchResponse> AppendAsync(IReadOnlyList<SignedHop> hops, CancellationToken cancellationToken);

    /// <summary>The newest signed checkpoint.</summary>
    Task<CheckpointResponse> GetCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>The log's origin and public key, to check checkpoints.</summary>
    Task<LogKeyResponse> GetLogKeyAsync(CancellationToken cancellationToken);

    /// <summary>Inclusion proof of entry <paramref name="seq"/> in the tree of <paramref name="treeSize"/> leaves (newest when null).</summary>
    Task<InclusionProofResponse> GetInclusionProofAsync(long seq, long? treeSize, CancellationToken cancellationToken);

    /// <summary>Consistency proof between two tree sizes (to the newest when <paramref name="toSize"/> is null).</summary>
    Task<ConsistencyProofResponse> GetConsistencyProofAsync(long fromSize, long? toSize, CancellationToken cancellationToken);

    /// <summary>The entry's leaf data (canonical JSON), or null when there is no such entry.</summary>
    Task<byte[]?> GetEntryAsync(long seq, CancellationToken cancellationToken);

    /// <summary>The entry's offline proof bundle as JSON, or null when there is no such entry.</summary>
    Task<byte[]?> GetBundleAsync(long seq, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> entries naming an item (canonical pack identifier), newest first.</summary>
    Task<IReadOnlyList<HistoryEntryResponse>> GetItemHistoryAsync(string itemKey, int limit, CancellationToken cancellationToken);

    /// <summary>Registers a party; returns the registry entry's sequence number.</summary>
    Task<long> RegisterPartyAsync(PartyRequest party, CancellationToken cancellationToken);

    /// <summary>Registers a device of a registered party.</summary>
    Task<long> RegisterDeviceAsync(DeviceRequest device, CancellationToken cancellationToken);

    /// <summary>The device as the registry holds it now, or null when no device has this id.</summary>
    Task<DeviceResponse?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>Gives a device a new public key.</summary>
    Task<long> RotateDeviceKeyAsync(string deviceId, KeyRotationRequest key, CancellationToken cancellationToken);

    /// <summary>Revokes a device.</summary>
    Task<long> RevokeDeviceAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>A consumer's verification (recorded), in the consumer view without partner data.</summary>
    Task<ConsumerVerdict> VerifyForConsumerAsync(VerifyBody scan, CancellationToken cancellationToken);

    /// <summary>A partner's verification (recorded); <see cref="VerifyBody.PartyGln"/> is required.</summary>
    Task<Verdict> VerifyAsync(VerifyBody scan, CancellationToken cancellationToken);

    /// <summary>Registers a GS1 company prefix to a manufacturer party; returns the log entry that records it.</summary>
    Task<long> RegisterCompanyPrefixAsync(CompanyPrefixBody prefix, CancellationToken cancellationToken);

    /// <summary>Commissions a batch; the plain scratch codes are in this answer only.</summary>
    Task<CommissionResult> CommissionAsync(CommissionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// A page of a commissioned batch's packs in identifier order after the pack <paramref name="after"/> (the previous
    /// page's <see cref="BatchPacks.Next"/>; null for the first page), with the batch's count when
    /// <paramref name="withTotal"/>; null when the GTIN or batch is not known.
    /// </summary>
    Task<BatchPacks?> GetBatchPacksAsync(string gtin, string lot, string? after, int limit, bool withTotal, CancellationToken cancellationToken);

    /// <summary>Recalls (or withdraws) a GTIN's batch, or every batch of it when the lot is null.</summary>
    Task<RecallResult> RecallAsync(RecallRequest request, CancellationToken cancellationToken);

    /// <summary>Alerts matching the filter, newest first.</summary>
    Task<IReadOnlyList<Alert>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken);

    /// <summary>Closes an alert with its root cause (technical, procedural or suspected_falsification).</summary>
    Task CloseAlertAsync(long id, CloseAlertBody close, CancellationToken cancellationToken);

    /// <summary>Applies one signed hop as a pack operation (dispense, undo, ship, …) and answers with the pack-level outcome.</summary>
    Task<PackOperationResult> ApplyPackOperationAsync(SignedHop hop, CancellationToken cancellationToken);

    /// <summary>True when the ledger answers.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
