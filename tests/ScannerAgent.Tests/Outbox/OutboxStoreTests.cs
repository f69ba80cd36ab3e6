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
    public void Append_StoresHopAndCounter_AndBothSurviveReopen()
    {
        using (var outbox = OutboxStore.Open(DbPath))
        {
            Assert.Equal(1, outbox.Append("dev-1", "s0", "receive", c => Sign(c, "A"), DateTimeOffset.UnixEpoch).Counter);
            Assert.Equal(2, outbox.Append("dev-1", "s0", "receive", c => Sign(c, "B"), DateTimeOffset.UnixEpoch).Counter);
        }

        using var reopened = OutboxStore.Open(DbPath);
        Assert.Equal(2, reopened.LastCounter("dev-1"));
        var pending = reopened.Pending(10);
        Assert.Equal([1L, 2L], pending.Select(p => p.Counter));
        Assert.Equal(TestCodes.PackId("B"), SignedHop.Parse(pending[1].Entry).Hop.Identifiers[0]);
        Assert.Equal(3, reopened.Append("dev-1", "s0", "receive", c => Sign(c, "C"), DateTimeOffset.UnixEpoch).Counter);
    }

    [Fact]
    public void Append_WhenSigningFails_NeitherStoresNorAdvancesTheCounter()
    {
        using var outbox = OutboxStore.Open(DbPath);
        outbox.Append("dev-1", "s0", "receive", c => Sign(c, "A"), DateTimeOffset.UnixEpoch);
        Assert.Throws<InvalidOperationException>(() => outbox.Append("dev-1", "s0", "receive", _ => throw new InvalidOperationException("no key"), DateTimeOffset.UnixEpoch));
        Assert.Throws<InvalidOperationException>(() => outbox.Append("dev-1", "s0", "receive", c => Sign(c + 5, "B"), DateTimeOffset.UnixEpoch));
        Assert.Equal(1, outbox.LastCounter("dev-1"));
        Assert.Single(outbox.Pending(10));
    }

    [Fact]
    public void Settle_RemovesFromPending_AndCountsByStatus()
    {
        using var outbox = OutboxStore.Open(DbPath);
        for (var i = 0; i < 3; i++)
        {
            outbox.Append("dev-1", "s0", "receive", c => Sign(c, $"P{c}"), DateTimeOffset.UnixEpoch);
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
