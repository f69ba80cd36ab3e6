using TraceChain.Protocol.Signing;
using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>
/// Appends batches of signed hops. Canonical bytes, hashes and signature checks run in parallel before the writer
/// lock, so one batch verifies while another commits; under the lock a hop whose device changed meanwhile is
/// checked again, then, in log order inside one transaction: duplicate check, device status, counter, rules, append.
/// </summary>
internal sealed class HopAppender(LogWriter log, DeviceDirectory devices, IHopRule rules)
{
    public async Task<IReadOnlyList<HopReceipt>> AppendAsync(IReadOnlyList<SignedHop> hops, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hops);
        var prepared = new PreparedHop[hops.Count];
        var checks = new SignatureCheck[hops.Count];
        Parallel.For(0, hops.Count, i =>
        {
            prepared[i] = PreparedHop.Prepare(hops[i]);
            checks[i] = Check(prepared[i]);
        });
        return await log.WriteAsync(batch => Append(batch, prepared, checks), cancellationToken);
    }

    private HopReceipt[] Append(WriteBatch batch, PreparedHop[] prepared, SignatureCheck[] checks)
    {
        var stored = new List<VerifiedHop>();
        for (var i = 0; i < prepared.Length; i++)
        {
            // A registration, rotation or revocation committed since the check replaced the device's state object.
            if (prepared[i].Problem is null && !ReferenceEquals(devices.Find(prepared[i].Signed.Hop.DeviceId), checks[i].Device))
            {
                checks[i] = Check(prepared[i]);
            }
        }

        var candidates = prepared.Where((p, i) => checks[i].SignatureValid).ToList();
        var existing = batch.Writer.FindByContent(candidates.Select(p => p.ContentHash).ToList());
        batch.PrefetchItemHeads(candidates.SelectMany(p => p.Items()));
        var receipts = new HopReceipt[prepared.Length];
        var seen = new Dictionary<string, HopReceipt>(StringComparer.Ordinal);
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        var context = new HopRuleContext(batch.Connection, batch.Transaction);
        for (var i = 0; i < prepared.Length; i++)
        {
            receipts[i] = Decide(batch, prepared[i], checks[i], existing, seen, counters, context, stored);
        }

        foreach (var (deviceId, counter) in counters)
        {
            batch.Writer.UpdateCounter(deviceId, counter);
        }

        batch.AfterCommit.Add(() =>
        {
            foreach (var (deviceId, counter) in counters)
            {
                devices.Find(deviceId)!.LastCounter = counter;
            }

            // Still under the writer lock, so rules see commits in log order.
            if (stored.Count > 0)
            {
                rules.Committed(stored);
            }
        });
        return receipts;
    }

    private SignatureCheck Check(PreparedHop hop)
    {
        if (hop.Problem is not null)
        {
            return default;
        }

        var device = devices.Find(hop.Signed.Hop.DeviceId);
        var key = device?.FindKey(hop.Signed.KeyId);
        var valid = key is not null && DeviceSignature.Verify(hop.Canonical, hop.Signature, key.PublicKey);
        return new SignatureCheck(device, key, valid);
    }

    private HopReceipt Decide(
        WriteBatch batch, PreparedHop hop, SignatureCheck check, Dictionary<string, (long Seq, byte[] LeafHash)> existing, Dictionary<string, HopReceipt> seen,
        Dictionary<string, long> counters, HopRuleContext context, List<VerifiedHop> stored)
    {
        if (hop.Problem is not null)
        {
            return HopReceipt.Refused(RefusalReason.MalformedHop, hop.Problem);
        }

        var deviceId = hop.Signed.Hop.DeviceId;
        if (check.Device is not { } device)
        {
            return HopReceipt.Refused(RefusalReason.UnknownDevice, $"device '{deviceId}' is not registered");
        }

        if (check.Key is not { } key)
        {
            return HopReceipt.Refused(RefusalReason.BadSignature, $"device '{deviceId}' has no key with id {hop.Signed.KeyId}");
        }

        if (!check.SignatureValid)
        {
            return HopReceipt.Refused(RefusalReason.BadSignature, $"the signature does not verify with key {key.KeyId} of device '{deviceId}'");
        }

        // The same hop again (a retry) gets the first receipt, even if the device changed since.
        var content = Convert.ToBase64String(hop.ContentHash);
        if (seen.TryGetValue(content, out var earlier))
        {
            return earlier with { Duplicate = true };
        }

        if (existing.TryGetValue(content, out var before))
        {
            return HopReceipt.Stored(before.Seq, before.LeafHash, duplicate: true);
        }

        if (!device.Active)
        {
            return HopReceipt.Refused(RefusalReason.DeviceRevoked, $"device '{deviceId}' is revoked");
        }

        if (!key.IsCurrent)
        {
            return HopReceipt.Refused(RefusalReason.KeyRetired, $"key {key.KeyId} of device '{deviceId}' was replaced at seq {key.ValidUntilSeq}; sign with the current key");
        }

        var last = counters.TryGetValue(deviceId, out var batchLast) ? batchLast : device.LastCounter;
        var counter = hop.Signed.Hop.Counter;
        if (counter <= last)
        {
            return HopReceipt.Refused(RefusalReason.CounterReplay, $"counter {counter} is not above {last}, the last accepted from device '{deviceId}'");
        }

        var verified = new VerifiedHop(hop.Signed, batch.NextSeq, device.PartyGln);
        if (rules.Evaluate(context, verified) is { } violation)
        {
            return HopReceipt.Refused(RefusalReason.RuleViolation, violation);
        }

        var seq = batch.Append(EntryKind.Hop, hop.EntryBytes, hop.LeafHash, hop.ContentHash, deviceId, counter, hop.Items());
        counters[deviceId] = counter;
        stored.Add(verified);
        var receipt = HopReceipt.Stored(seq, hop.LeafHash, duplicate: false);
        seen[content] = receipt;
        return receipt;
    }

    private readonly record struct SignatureCheck(DeviceState? Device, DeviceKeyState? Key, bool SignatureValid);
}
