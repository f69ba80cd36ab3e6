using System.Text;
using ScannerAgent.Outbox;
using ScannerAgent.Tests.Support;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Tests.Outbox;

/// <summary>The MQTT delivery identity stored with a hop (duplicate-delivery detection).</summary>
public sealed class OutboxDeliveryTests : IDisposable
{
    private const string Topic = "tracechain/site1/scanners/sc-1/scan";
    private readonly string directory = Directory.CreateTempSubdirectory("agent-delivery-").FullName;
    private readonly System.Security.Cryptography.ECDsa key = DeviceKeys.Create();

    public void Dispose()
    {
        key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private string DbPath => Path.Combine(directory, "outbox.db");

    [Fact]
    public async Task Append_WithDelivery_RemembersIt_InTheSameCommit_AcrossReopen()
    {
        using (var outbox = OutboxStore.Open(DbPath))
        {
            await AppendAsync(outbox, "A", Delivery("agent-1", Topic, 7, "scan A"));
        }

        using var reopened = OutboxStore.Open(DbPath);
        var found = reopened.FindDelivery(Delivery("agent-1", Topic, 7, "scan A"));
        Assert.NotNull(found);
        Assert.Equal((1L, TestCodes.PackId("A")), (found.Counter, found.Identifier));
        Assert.Null(reopened.FindDelivery(Delivery("agent-1", Topic, 7, "scan B")));
        Assert.Null(reopened.FindDelivery(Delivery("agent-1", "tracechain/site1/scanners/sc-2/scan", 7, "scan A")));
        Assert.Null(reopened.FindDelivery(Delivery("agent-1", Topic, 8, "scan A")));
        Assert.Null(reopened.FindDelivery(Delivery("agent-2", Topic, 7, "scan A")));
    }

    [Fact]
    public async Task Append_SamePacketIdAgain_ReplacesTheEarlierDelivery_AndForgetRemovesIt()
    {
        using var outbox = OutboxStore.Open(DbPath);
        await AppendAsync(outbox, "A", Delivery("agent-1", Topic, 7, "scan A"));
        await AppendAsync(outbox, "B", Delivery("agent-1", Topic, 7, "scan B"));

        Assert.Null(outbox.FindDelivery(Delivery("agent-1", Topic, 7, "scan A")));
        Assert.Equal(2, outbox.FindDelivery(Delivery("agent-1", Topic, 7, "scan B"))?.Counter);
        outbox.ForgetDelivery(Delivery("agent-1", Topic, 7, "anything"));
        Assert.Null(outbox.FindDelivery(Delivery("agent-1", Topic, 7, "scan B")));
    }

    [Fact]
    public async Task ForgetDeliveries_RemovesOnlyThatSession()
    {
        using var outbox = OutboxStore.Open(DbPath);
        await AppendAsync(outbox, "A", Delivery("agent-1", Topic, 1, "scan A"));
        await AppendAsync(outbox, "B", Delivery("agent-2", Topic, 1, "scan B"));

        outbox.ForgetDeliveries("agent-1");

        Assert.Null(outbox.FindDelivery(Delivery("agent-1", Topic, 1, "scan A")));
        Assert.NotNull(outbox.FindDelivery(Delivery("agent-2", Topic, 1, "scan B")));
    }

    [Fact]
    public async Task Append_WhenSigningFails_DoesNotRememberTheDelivery()
    {
        using var outbox = OutboxStore.Open(DbPath);
        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.AppendAsync(
            "dev-1", "s0", "receive", _ => throw new InvalidOperationException("no key"), DateTimeOffset.UnixEpoch, Delivery("agent-1", Topic, 3, "scan A"), CancellationToken.None));

        Assert.Null(outbox.FindDelivery(Delivery("agent-1", Topic, 3, "scan A")));
        Assert.Equal(0, outbox.LastCounter("dev-1"));
    }

    [Fact]
    public async Task ForgetDeliveries_ThroughACounter_KeepsLaterOnes()
    {
        using var outbox = OutboxStore.Open(DbPath);
        await AppendAsync(outbox, "A", Delivery("agent-1", Topic, 1, "scan A"));
        await AppendAsync(outbox, "B", Delivery("agent-1", Topic, 2, "scan B"));

        outbox.ForgetDeliveries("agent-1", throughCounter: 1);

        Assert.Null(outbox.FindDelivery(Delivery("agent-1", Topic, 1, "scan A")));
        Assert.NotNull(outbox.FindDelivery(Delivery("agent-1", Topic, 2, "scan B")));
    }

    [Fact]
    public async Task PruneDeliveries_ForgetsIdentitiesOlderThanTheRetentionBeforeTheNewestHop_KeepsTheHops()
    {
        var t0 = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var frame = MqttDelivery.Frame("folder:/cam", "f.png (3 bytes)", [1, 2, 3]).ForCode("]d2code");
        var json = MqttDelivery.Of("agent-1", Topic, 0, Encoding.UTF8.GetBytes("{\"raw\":\"x\",\"ts\":\"2026-11-01T08:00:00Z\"}"));
        using var outbox = OutboxStore.Open(DbPath);
        await AppendAsync(outbox, "A", Delivery("agent-1", Topic, 1, "scan A"), t0);
        await AppendAsync(outbox, "B", frame, t0.AddHours(1));
        await AppendAsync(outbox, "C", json, t0.AddHours(2));
        await AppendAsync(outbox, "D", Delivery("agent-1", Topic, 2, "scan D"), t0.AddDays(4));

        // The agent was down for weeks: the retention counts back from its newest hop, so nothing of its last day goes.
        Assert.Equal(0, outbox.PruneDeliveries(TimeSpan.FromDays(4), t0.AddDays(30)));
        Assert.Equal(3, outbox.PruneDeliveries(TimeSpan.FromDays(3), t0.AddDays(30)));

        Assert.Null(outbox.FindDelivery(Delivery("agent-1", Topic, 1, "scan A")));
        Assert.Null(outbox.FindScan(frame));
        Assert.Null(outbox.FindScan(json));
        Assert.NotNull(outbox.FindDelivery(Delivery("agent-1", Topic, 2, "scan D")));
        Assert.Equal(4, outbox.Pending(10).Count);
    }

    [Fact]
    public async Task PruneDeliveries_NotPastTheClock_WhenTheNewestHopIsInTheFuture()
    {
        var t0 = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var frame = MqttDelivery.Frame("folder:/cam", "f.png (3 bytes)", [1, 2, 3]).ForCode("]d2code");
        using var outbox = OutboxStore.Open(DbPath);
        await AppendAsync(outbox, "A", frame, t0);
        await AppendAsync(outbox, "B", Delivery("agent-1", Topic, 2, "scan B"), t0.AddDays(10));

        Assert.Equal(0, outbox.PruneDeliveries(TimeSpan.FromDays(3), t0.AddDays(2)));
        Assert.NotNull(outbox.FindScan(frame));
    }

    private static MqttDelivery Delivery(string session, string topic, ushort packetId, string payload) =>
        MqttDelivery.Of(session, topic, packetId, Encoding.UTF8.GetBytes(payload));

    private Task<OutboxEntry> AppendAsync(OutboxStore outbox, string serial, MqttDelivery delivery, DateTimeOffset? now = null) =>
        outbox.AppendAsync("dev-1", "mq/sc-1", "receive", c => SignedHop.Create(
            new Hop("dev-1", c, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), "+00:00", BizStep.Receiving, Disposition.InProgress, TestCodes.Gln(1), [TestCodes.PackId(serial)]),
            key), now ?? DateTimeOffset.UnixEpoch, delivery, CancellationToken.None);
}
