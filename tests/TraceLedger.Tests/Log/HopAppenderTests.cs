using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Signing;
using TraceLedger.Log;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Log;

public sealed class HopAppenderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Append_ValidBatch_ReturnsConsecutiveSeqsAndLeafHashes()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        var start = temp.Ledger.Checkpoint.TreeSize;
        var hops = Enumerable.Range(0, 5).Select(i => SignedHop.Create(temp.NextHop("scanner-1", i), key)).ToList();

        var receipts = await temp.Ledger.AppendAsync(hops, None);

        Assert.All(receipts, r => Assert.True(r.Accepted));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => start + i), receipts.Select(r => r.Seq!.Value));
        Assert.Equal(hops.Select(h => Convert.ToHexString(h.LeafHash())), receipts.Select(r => Convert.ToHexString(r.LeafHash!)));
        Assert.Equal(start + 5, temp.Ledger.Checkpoint.TreeSize);
    }

    [Fact]
    public async Task Append_SameHopTwice_GivesSameReceiptWithoutDuplicateEntry()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        var hop = temp.NextHop("scanner-1", 1);
        var first = (await temp.Ledger.AppendAsync([SignedHop.Create(hop, key)], None))[0];

        // A retry re-signs (ECDSA signatures differ each time) and repeats the hop inside one batch as well.
        var again = await temp.Ledger.AppendAsync([SignedHop.Create(hop, key), SignedHop.Create(hop, key)], None);

        Assert.All(again, r =>
        {
            Assert.True(r.Duplicate);
            Assert.Equal(first.Seq, r.Seq);
            Assert.Equal(first.LeafHash, r.LeafHash);
        });
        Assert.Equal(first.Seq + 1, temp.Ledger.Checkpoint.TreeSize);
        Assert.Equal(1L, await ScalarAsync(temp, "SELECT COUNT(*) FROM entries WHERE kind = 1;"));
    }

    [Fact]
    public async Task Append_CounterNotAboveLast_RefusedAsReplay()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        await temp.Ledger.AppendAsync([SignedHop.Create(temp.NextHop("scanner-1", 1, counter: 10), key)], None);

        var receipts = await temp.Ledger.AppendAsync(
            [SignedHop.Create(temp.NextHop("scanner-1", 2, counter: 10), key), SignedHop.Create(temp.NextHop("scanner-1", 3, counter: 9), key)],
            None);

        Assert.All(receipts, r => Assert.Equal(RefusalReason.CounterReplay, r.Reason));
        Assert.Contains("not above 10", receipts[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_ForgedSignature_RefusedAsBadSignature()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        var genuine = SignedHop.Create(temp.NextHop("scanner-1", 1), key);
        var tampered = genuine with { Hop = genuine.Hop with { Location = Gs1.Gln(2) } };
        using var impostor = DeviceKeys.Create();
        var wrongKey = SignedHop.Create(temp.NextHop("scanner-1", 2), impostor) with { KeyId = genuine.KeyId };

        var receipts = await temp.Ledger.AppendAsync([tampered, wrongKey], None);

        Assert.All(receipts, r => Assert.Equal(RefusalReason.BadSignature, r.Reason));
        Assert.Equal(0L, await ScalarAsync(temp, "SELECT COUNT(*) FROM entries WHERE kind = 1;"));
    }

    [Fact]
    public async Task Append_UnknownDevice_Refused()
    {
        await using var temp = await TempLedger.CreateAsync();
        using var key = DeviceKeys.Create();

        var receipt = (await temp.Ledger.AppendAsync([SignedHop.Create(temp.NextHop("ghost", 1), key)], None))[0];

        Assert.Equal(RefusalReason.UnknownDevice, receipt.Reason);
        Assert.Contains("'ghost'", receipt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_AfterRevocation_RefusedButRetryOfEarlierHopKeepsItsReceipt()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        var early = SignedHop.Create(temp.NextHop("scanner-1", 1), key);
        var stored = (await temp.Ledger.AppendAsync([early], None))[0];
        await temp.Ledger.RevokeDeviceAsync("scanner-1", None);

        var receipts = await temp.Ledger.AppendAsync([SignedHop.Create(temp.NextHop("scanner-1", 2), key), early], None);

        Assert.Equal(RefusalReason.DeviceRevoked, receipts[0].Reason);
        Assert.Equal(stored.Seq, receipts[1].Seq);
        Assert.True(receipts[1].Duplicate);
    }

    [Fact]
    public async Task RotateKey_NewKeySigns_OldKeyRetired_OldHopsStayVerifiable()
    {
        await using var temp = await TempLedger.CreateAsync();
        var oldKey = await temp.AddDeviceAsync("scanner-1");
        var oldHop = (await temp.Ledger.AppendAsync([SignedHop.Create(temp.NextHop("scanner-1", 1), oldKey)], None))[0];
        using var newKey = DeviceKeys.Create();
        await temp.Ledger.RotateDeviceKeyAsync("scanner-1", DeviceKeys.SubjectPublicKeyInfo(newKey), None);

        var receipts = await temp.Ledger.AppendAsync(
            [SignedHop.Create(temp.NextHop("scanner-1", 2), oldKey), SignedHop.Create(temp.NextHop("scanner-1", 3), newKey)], None);

        Assert.Equal(RefusalReason.KeyRetired, receipts[0].Reason);
        Assert.True(receipts[1].Accepted);
        var audit = await LogAudit.RunAsync(temp.DatabasePath, None);
        Assert.True(audit.Clean, audit.Summary);
        var bundle = await temp.Ledger.BundleAsync(oldHop.Seq!.Value, None);
        var verdict = TraceChain.Protocol.Proofs.ProofBundleVerifier.Verify(bundle!, temp.Ledger.Signer.Verifier(), oldKey);
        Assert.True(verdict.IsValid, verdict.Reason);
    }

    [Fact]
    public async Task Append_InvalidHopFields_RefusedAsMalformedNamingTheField()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        var hop = temp.NextHop("scanner-1", 1);
        var signed = SignedHop.Create(hop, key) with { Hop = hop with { Location = "123" } };

        var receipt = (await temp.Ledger.AppendAsync([signed], None))[0];

        Assert.Equal(RefusalReason.MalformedHop, receipt.Reason);
        Assert.Contains("location", receipt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_RuleRefuses_HopNotStoredAndOthersInBatchAre()
    {
        var rule = new RefuseCounterRule(2);
        await using var temp = await TempLedger.CreateAsync(rule);
        var key = await temp.AddDeviceAsync("scanner-1");

        var receipts = await temp.Ledger.AppendAsync(Enumerable.Range(1, 3).Select(i => SignedHop.Create(temp.NextHop("scanner-1", i), key)).ToList(), None);

        Assert.Equal([true, false, true], receipts.Select(r => r.Accepted));
        Assert.Equal(RefusalReason.RuleViolation, receipts[1].Reason);
        Assert.Equal(2, rule.Committed.Count);
    }

    [Fact]
    public async Task Reopen_KeepsCountersDevicesAndTree()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        await temp.Ledger.AppendAsync([SignedHop.Create(temp.NextHop("scanner-1", 1, counter: 5), key)], None);
        var before = temp.Ledger.Checkpoint;

        await temp.ReopenAsync();
        var replay = (await temp.Ledger.AppendAsync([SignedHop.Create(temp.NextHop("scanner-1", 2, counter: 5), key)], None))[0];
        var next = (await temp.Ledger.AppendAsync([SignedHop.Create(temp.NextHop("scanner-1", 3, counter: 6), key)], None))[0];

        Assert.Equal(before.TreeSize, temp.Ledger.Checkpoint.TreeSize - 1);
        Assert.Equal(RefusalReason.CounterReplay, replay.Reason);
        Assert.Equal(before.TreeSize, next.Seq);
    }

    [Fact]
    public async Task Append_ConcurrentBatchesFromManyDevices_GetContiguousSeqsAndAuditClean()
    {
        await using var temp = await TempLedger.CreateAsync();
        var keys = new List<System.Security.Cryptography.ECDsa>();
        for (var d = 0; d < 4; d++)
        {
            keys.Add(await temp.AddDeviceAsync($"scanner-{d}"));
        }

        var start = temp.Ledger.Checkpoint.TreeSize;
        var batches = Enumerable.Range(0, 4).SelectMany(d => Enumerable.Range(0, 3).Select(b =>
            Enumerable.Range(0, 20).Select(i => SignedHop.Create(Hops.Make($"scanner-{d}", (b * 20) + i + 1, (d * 1000) + (b * 20) + i), keys[d])).ToList())).ToList();

        // Batches of one device stay in order (counters rise); devices race each other.
        var receipts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async d =>
        {
            var all = new List<HopReceipt>();
            for (var b = 0; b < 3; b++)
            {
                all.AddRange(await temp.Ledger.AppendAsync(batches[(d * 3) + b], None));
            }

            return all;
        }));

        var seqs = receipts.SelectMany(r => r).Select(r => r.Seq!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 240).Select(i => start + i), seqs);
        var audit = await LogAudit.RunAsync(temp.DatabasePath, None);
        Assert.True(audit.Clean, audit.Summary);
    }

    [Fact]
    public async Task ItemHistory_WalksThePerItemChainNewestFirst()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        var receipts = await temp.Ledger.AppendAsync(
            [SignedHop.Create(temp.NextHop("scanner-1", 7), key), SignedHop.Create(temp.NextHop("scanner-1", 8), key)], None);
        var later = await temp.Ledger.AppendAsync([SignedHop.Create(temp.NextHop("scanner-1", 7), key)], None);
        var item = temp.NextHop("scanner-1", 7).Identifiers[0];

        var history = await temp.Ledger.ItemHistoryAsync(item, 10, None);

        Assert.Equal([later[0].Seq!.Value, receipts[0].Seq!.Value], history.Select(e => e.Seq));
        Assert.Empty(await temp.Ledger.ItemHistoryAsync("gtin:00000000000000:ser:none", 10, None));
    }

    [Fact]
    public async Task Append_CheckedBeforeARevocationThatCommitsFirst_IsRefused()
    {
        using var gateHeld = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        await using var temp = await TempLedger.CreateAsync(new BlockingRule(counter: 1, gateHeld, release));
        var key = await temp.AddDeviceAsync("scanner-1");

        // Batch A holds the writer lock inside its rule; the revocation queues on the lock; batch B's signature
        // check runs before it queues too, while the device is still active.
        var first = Task.Run(() => temp.Ledger.AppendAsync([SignedHop.Create(temp.NextHop("scanner-1", 1), key)], None));
        Assert.True(gateHeld.Wait(TimeSpan.FromSeconds(30)));
        var revocation = temp.Ledger.RevokeDeviceAsync("scanner-1", None);
        var second = temp.Ledger.AppendAsync([SignedHop.Create(temp.NextHop("scanner-1", 2), key)], None);
        release.Set();
        await Task.WhenAll(first, revocation, second);

        var receipt = (await second)[0];
        Assert.True(receipt.Reason == RefusalReason.DeviceRevoked || receipt.Seq < await revocation, "a hop after the revocation was accepted");
        Assert.Equal(RefusalReason.DeviceRevoked, receipt.Reason);
    }

    private static async Task<long> ScalarAsync(TempLedger temp, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={temp.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class BlockingRule(long counter, ManualResetEventSlim gateHeld, ManualResetEventSlim release) : IHopRule
    {
        public string? Evaluate(HopRuleContext context, VerifiedHop hop)
        {
            if (hop.Signed.Hop.Counter == counter)
            {
                gateHeld.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }

            return null;
        }

        public void Committed(IReadOnlyList<VerifiedHop> stored)
        {
        }
    }

    private sealed class RefuseCounterRule(long refused) : IHopRule
    {
        public List<VerifiedHop> Committed { get; } = [];

        public string? Evaluate(HopRuleContext context, VerifiedHop hop) =>
            hop.Signed.Hop.Counter == refused ? $"counter {refused} is refused by the test rule" : null;

        void IHopRule.Committed(IReadOnlyList<VerifiedHop> stored) => Committed.AddRange(stored);
    }
}
