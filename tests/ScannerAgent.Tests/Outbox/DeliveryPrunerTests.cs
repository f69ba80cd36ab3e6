using Microsoft.Extensions.Time.Testing;
using ScannerAgent.Agent;
using ScannerAgent.Outbox;
using ScannerAgent.Tests.Support;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Tests.Outbox;

/// <summary>Delivery identities are forgotten past the retention, once at start and then every interval.</summary>
public sealed class DeliveryPrunerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("agent-pruner-").FullName;
    private readonly System.Security.Cryptography.ECDsa key = DeviceKeys.Create();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly LogCapture log = new();

    public void Dispose()
    {
        key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Run_PrunesEveryInterval_IdentitiesPastTheRetention()
    {
        using var outbox = OutboxStore.Open(Path.Combine(directory, "outbox.db"));
        var pruner = new DeliveryPruner(outbox, TimeSpan.FromHours(2), new AgentLog(log, time), time);
        var first = await AppendAsync(outbox, "P1");
        time.Advance(TimeSpan.FromHours(3));
        var second = await AppendAsync(outbox, "P2");

        Assert.Equal(1, pruner.Prune());
        Assert.Null(outbox.FindScan(first));
        Assert.NotNull(outbox.FindScan(second));

        time.Advance(TimeSpan.FromHours(3));
        var third = await AppendAsync(outbox, "P3");
        using var stop = new CancellationTokenSource();
        var running = pruner.RunAsync(stop.Token);
        await Wait.UntilAsync(
            () =>
            {
                // Each look moves the clock one interval on: the pruner's timer fires whenever it is registered.
                time.Advance(DeliveryPruner.Interval);
                return outbox.FindScan(second) is null;
            },
            TimeSpan.FromSeconds(10),
            () => "second identity pruned\n" + log);
        Assert.NotNull(outbox.FindScan(third));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(log.Has("forgot 1 delivery identities older than 2 h"), log.ToString());
    }

    private async Task<MqttDelivery> AppendAsync(OutboxStore outbox, string serial)
    {
        var identity = MqttDelivery.Frame("folder:/cam", $"{serial}.png (9 bytes)", "123456789"u8).ForCode(serial);
        await outbox.AppendAsync("dev-1", "cam/c1", "receive", c => SignedHop.Create(
            new Hop("dev-1", c, time.GetUtcNow(), "+00:00", BizStep.Receiving, Disposition.InProgress, TestCodes.Gln(1), [TestCodes.PackId(serial)]),
            key), time.GetUtcNow(), identity, CancellationToken.None);
        return identity;
    }
}
