using TraceChain.Protocol.Signing;
using TraceLedger.Api;
using TraceLedger.Log;
using TraceLedger.Packs;
using TraceLedger.Storage;

namespace TraceGateway.LedgerAccess;

/// <summary>The ledger hosted in this process over its SQLite file: direct calls, no HTTP.</summary>
public sealed class EmbeddedLedgerClient(EmbeddedLedgerHost host) : ILedgerClient
{
    private Ledger Open => host.Ledger;

    public async Task<HopBatchResponse> AppendAsync(IReadOnlyList<SignedHop> hops, CancellationToken cancellationToken)
    {
        var receipts = await Open.AppendAsync(hops, cancellationToken);
        var checkpoint = Open.Checkpoint;
        return new HopBatchResponse(receipts.Select((r, i) => WireNames.Receipt(i, r)).ToList(), checkpoint.TreeSize, checkpoint.SignedNote);
    }

    public Task<CheckpointResponse> GetCheckpointAsync(CancellationToken cancellationToken)
    {
        var checkpoint = Open.Checkpoint;
        return Task.FromResult(new CheckpointResponse(checkpoint.TreeSize, Convert.ToBase64String(checkpoint.RootHash), checkpoint.SignedNote));
    }

    public Task<LogKeyResponse> GetLogKeyAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new LogKeyResponse(Open.Signer.Name, Open.Signer.VerifierKey, Convert.ToBase64String(Open.PublicKeySpki)));

    public async Task<InclusionProofResponse> GetInclusionProofAsync(long seq, long? treeSize, CancellationToken cancellationToken)
    {
        var proof = await Ranged(() => Open.InclusionProofAsync(seq, treeSize ?? Open.Checkpoint.TreeSize, cancellationToken));
        return new InclusionProofResponse(proof.LeafIndex, proof.TreeSize, B64(proof.LeafHash), proof.AuditPath.Select(B64).ToList(), B64(proof.RootHash));
    }

    public async Task<ConsistencyProofResponse> GetConsistencyProofAsync(long fromSize, long? toSize, CancellationToken cancellationToken)
    {
        var proof = await Ranged(() => Open.ConsistencyProofAsync(fromSize, toSize ?? Open.Checkpoint.TreeSize, cancellationToken));
        return new ConsistencyProofResponse(proof.FromSize, proof.ToSize, B64(proof.FromRoot), B64(proof.ToRoot), proof.Proof.Select(B64).ToList());
    }

    public async Task<byte[]?> GetEntryAsync(long seq, CancellationToken cancellationToken) =>
        (await Open.GetEntryAsync(seq, cancellationToken))?.EntryBytes;

    public async Task<byte[]?> GetBundleAsync(long seq, CancellationToken cancellationToken) =>
        (await Open.BundleAsync(seq, cancellationToken))?.ToJson();

    public async Task<IReadOnlyList<HistoryEntryResponse>> GetItemHistoryAsync(string itemKey, int limit, CancellationToken cancellationToken) =>
        (await Open.ItemHistoryAsync(itemKey, limit, cancellationToken))
            .Select(e => new HistoryEntryResponse(e.Seq, B64(e.LeafHash), e.ReceivedAt, System.Text.Encoding.UTF8.GetString(e.EntryBytes)))
            .ToList();

    public Task<long> RegisterPartyAsync(PartyRequest party, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(party);
        var role = WireNames.Role(party.Role) ?? throw new LedgerRefusedException($"role '{party.Role}' must be manufacturer, distributor, pharmacy or regulator");
        return Registry(() => Open.RegisterPartyAsync(new PartyRegistration(party.Gln ?? "", party.Name ?? "", role, party.Latitude, party.Longitude), cancellationToken));
    }

    public Task<long> RegisterDeviceAsync(DeviceRequest device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return Registry(() => Open.RegisterDeviceAsync(new DeviceRegistration(device.DeviceId ?? "", device.PartyGln ?? "", Key(device.PublicKey)), cancellationToken));
    }

    public Task<DeviceResponse?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        Task.FromResult(Open.FindDevice(deviceId) is { } d ? new DeviceResponse(d.DeviceId, d.PartyGln, d.Active, Convert.ToBase64String(d.PublicKeySpki), d.KeySeq, d.LastCounter) : null);

    public Task<long> RotateDeviceKeyAsync(string deviceId, KeyRotationRequest key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Registry(() => Open.RotateDeviceKeyAsync(deviceId, Key(key.PublicKey), cancellationToken));
    }

    public Task<long> RevokeDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        Registry(() => Open.RevokeDeviceAsync(deviceId, cancellationToken));

    public Task<ConsumerVerdict> VerifyForConsumerAsync(VerifyBody scan, CancellationToken cancellationToken) =>
        Packed(() => host.Packs.Verdicts.VerifyForConsumerAsync(Request(scan) with { PartyGln = null }, cancellationToken));

    public Task<Verdict> VerifyAsync(VerifyBody scan, CancellationToken cancellationToken) =>
        Packed(() => host.Packs.Verdicts.VerifyAsync(Request(scan), cancellationToken));

    public Task<long> RegisterCompanyPrefixAsync(CompanyPrefixBody prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return Packed(() => host.Packs.Commissioning.RegisterCompanyPrefixAsync(prefix.Prefix ?? "", prefix.PartyGln ?? "", cancellationToken));
    }

    public Task<CommissionResult> CommissionAsync(CommissionRequest request, CancellationToken cancellationToken) =>
        Packed(() => host.Packs.Commissioning.CommissionAsync(request, cancellationToken));

    public Task<BatchPacks?> GetBatchPacksAsync(string gtin, string lot, string? after, int limit, bool withTotal, CancellationToken cancellationToken) =>
        Packed(() => host.Packs.Packs.BatchPacksAsync(gtin, lot, after, limit, withTotal, cancellationToken));

    public Task<RecallResult> RecallAsync(RecallRequest request, CancellationToken cancellationToken) =>
        Packed(() => host.Packs.Commissioning.RecallAsync(request, cancellationToken));

    public Task<IReadOnlyList<Alert>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var code = Alerts.ParseCode(filter.Code);
        return filter.Code is not null && code is null
            ? throw new LedgerRefusedException($"unknown alert code '{filter.Code}'")
            : Packed(() => host.Packs.Alerts.ListAsync(new AlertQuery(code, filter.Open, filter.Identifier, filter.Actor, filter.Limit), cancellationToken));
    }

    public Task CloseAlertAsync(long id, CloseAlertBody close, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(close);
        var cause = Alerts.ParseRootCause(close.RootCause) ?? throw new LedgerRefusedException("rootCause must be technical, procedural or suspected_falsification");
        return Packed(async () =>
        {
            await host.Packs.Alerts.CloseAsync(id, cause, close.Note, cancellationToken);
            return true;
        });
    }

    public Task<PackOperationResult> ApplyPackOperationAsync(SignedHop hop, CancellationToken cancellationToken) =>
        Packed(() => host.Packs.Packs.ApplyAsync(hop, cancellationToken));

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => Task.FromResult(Open.Checkpoint.SignedNote.Length > 0 && Open.WriteFault is null);

    private static byte[] Key(string? base64)
    {
        try
        {
            return string.IsNullOrEmpty(base64) ? throw new FormatException() : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new LedgerRefusedException("publicKey must be standard base64 of a DER SubjectPublicKeyInfo");
        }
    }

    private static async Task<long> Registry(Func<Task<long>> action)
    {
        try
        {
            return await action();
        }
        catch (RegistryException e)
        {
            throw new LedgerRefusedException(e.Message, e);
        }
    }

    private static async Task<T> Ranged<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (LedgerRangeException e)
        {
            throw new LedgerRefusedException(e.Message, e);
        }
    }

    /// <summary>The same reading of a verification body as the ledger's HTTP API: a raw scan, or the identifier and what was read.</summary>
    private static VerdictRequest Request(VerifyBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Scan is not { Length: > 0 } scan)
        {
            return new VerdictRequest(body.Identifier, body.Batch, body.Expiry, body.PartyGln, body.ScratchCode);
        }

        var read = PackScan.ToRequest(scan, body.PartyGln, body.ScratchCode);
        return read with { Batch = body.Batch ?? read.Batch, Expiry = body.Expiry ?? read.Expiry };
    }

    private static async Task<T> Packed<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (PackRequestException e)
        {
            throw new LedgerRefusedException(e.Message, e);
        }
        catch (FormatException e)
        {
            throw new LedgerRefusedException(e.Message, e);
        }
    }

    private static string B64(byte[] hash) => Convert.ToBase64String(hash);
}
