using ScannerAgent.Outbox;
using ScannerAgent.Tests.Support;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Tests.Outbox;

public sealed class OutboxStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("agent-outbox-").FullName;
    private readonly System.Security.Cryptography.ECDsa key = DeviceKeys.Create();

    public void Dispose()
    {
        key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private string DbPath => Path.Combine(directory, "outbox.db");

    private SignedHop Sign(long counter, string serial) => SignedHop.Create(
        new Hop("dev-1", counter, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), "+00:00", BizStep.Receiving, Disposition.InProgress, TestCodes.Gln(1), [TestCodes.PackId(serial)]),
        key);

    [Fact]
    public async Task Append_StoresHopAndCounter_AndBothSurviveReopen()
    {
        using (var outbox = OutboxStore.Open(DbPath))
        {
            Assert.Equal(1, (await outbox.AppendAsync("dev-1", "s0", "receive", c => Sign(c, "A"), DateTimeOffset.UnixEpoch, CancellationToken.None)).Counter);
            Assert.Equal(2, (await outbox.AppendAsync("dev-1", "s0", "receive", c => Sign(c, "B"), DateTimeOffset.UnixEpoch, CancellationToken.None)).Counter);
        }

        using var reopened = OutboxStore.Open(DbPath);
        Assert.Equal(2, reopened.LastCounter("dev-1"));
        var pending = reopened.Pending(10);
        Assert.Equal([1L, 2L], pending.Select(p => p.Counter));
        Assert.Equal(TestCodes.PackId("B"), SignedHop.Parse(pending[1].Entry).Hop.Identifiers[0]);
        Assert.Equal(3, (await reopened.AppendAsync("dev-1", "s0", "receive", c => Sign(c, "C"), DateTimeOffset.UnixEpoch, CancellationToken.None)).Counter);
    }

    [Fact]
    public async Task Append_WhenSigningFails_NeitherStoresNorAdvancesTheCounter()
    {
        using var outbox = OutboxStore.Open(DbPath);
        await outbox.AppendAsync("dev-1", "s0", "receive", c => Sign(c, "A"), DateTimeOffset.UnixEpoch, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.AppendAsync("dev-1", "s0", "receive", _ => throw new InvalidOperationException("no key"), DateTimeOffset.UnixEpoch, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.AppendAsync("dev-1", "s0", "receive", c => Sign(c + 5, "B"), DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.Equal(1, outbox.LastCounter("dev-1"));
        Assert.Single(outbox.Pending(10));
    }

    [Fact]
    public async Task ConcurrentAppends_GetDistinctConsecutiveCounters_AndAFailingOneIsRolledBackAlone()
    {
        using (var outbox = OutboxStore.Open(DbPath))
        {
            var tasks = Enumerable.Range(0, 64).Select(i => Task.Run(() => outbox.AppendAsync(
                "dev-1", $"s{i % 8}", "receive", c => i == 13 ? throw new InvalidOperationException("signing failed") : Sign(c, $"C{i}"), DateTimeOffset.UnixEpoch, CancellationToken.None))).ToList();
            await Assert.ThrowsAsync<InvalidOperationException>(() => Task.WhenAll(tasks));
            var stored = tasks.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).ToList();
            Assert.Equal(63, stored.Count);
            Assert.Equal(Enumerable.Range(1, 63).Select(i => (long)i), stored.Select(e => e.Counter).Order());
            Assert.All(stored, e => Assert.Equal(e.Counter, SignedHop.Parse(e.Entry).Hop.Counter));
        }

        using var reopened = OutboxStore.Open(DbPath);
        Assert.Equal(63, reopened.LastCounter("dev-1"));
        Assert.Equal(63, reopened.Pending(100).Count);
    }

    [Fact]
    public async Task Settle_RemovesFromPending_AndCountsByStatus()
    {
        using var outbox = OutboxStore.Open(DbPath);
        for (var i = 0; i < 3; i++)
        {
            await outbox.AppendAsync("dev-1", "s0", "receive", c => Sign(c, $"P{c}"), DateTimeOffset.UnixEpoch, CancellationToken.None);
        }

        outbox.Settle([new OutboxSettlement(1, "accepted", 10, null, null), new OutboxSettlement(2, "refused", null, "rule_violation", "already dispensed")], DateTimeOffset.UnixEpoch);
        Assert.Equal([3L], outbox.Pending(10).Select(p => p.Counter));
        var counts = outbox.Counts();
        Assert.Equal((1L, 1L, 1L), (counts["pending"], counts["accepted"], counts["refused"]));
    }

    [Fact]
    public void Open_NotADatabase_IsAClearError()
    {
        File.WriteAllText(DbPath, new string('x', 4096));
        var e = Assert.Throws<InvalidDataException>(() => OutboxStore.Open(DbPath));
        Assert.Contains("outbox.db", e.Message, StringComparison.Ordinal);
    }
}
