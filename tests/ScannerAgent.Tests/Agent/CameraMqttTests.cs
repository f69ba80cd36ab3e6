using FirmwareSim.Camera;
using FirmwareSim.Commands;
using Microsoft.Data.Sqlite;
using ScannerAgent.Configuration;
using ScannerAgent.Tests.Support;
using TraceChain.Imaging.Frames;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Broker;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Tests.Agent;

/// <summary>MQTT cameras end to end: firmware-sim frames through a real Mosquitto, the agent, its outbox and a real ledger.</summary>
public sealed class CameraMqttTests
{
    private const int Publish = 3;
    private const int PubAck = 4;

    [Fact]
    public async Task FramesOverMqtt_BecomeHops_RepeatsSuppressed_BadFrameLogged_PubackOnlyAfterTheCommit()
    {
        await using var chain = await AgentHarness.CreateAsync();
        await using var broker = await MosquittoProcess.StartAsync(new MosquittoOptions { DataDirectory = Path.Combine(chain.Directory, "mosquitto") }, CancellationToken.None);
        var framesToAgent = 0;
        var acksFromAgent = new List<long>();
        await using var tap = new MqttWireTap(broker.Port, (fromClient, type) =>
        {
            if (!fromClient && type == Publish)
            {
                Interlocked.Increment(ref framesToAgent);
            }
            else if (fromClient && type == PubAck)
            {
                // What the outbox holds at the moment the agent's PUBACK goes on the wire.
                var stored = OutboxRows(chain.Settings.OutboxPath);
                lock (acksFromAgent)
                {
                    acksFromAgent.Add(stored);
                }
            }
        });
        chain.Settings.CameraScanners.Add(new CameraScannerSettings { Name = "gate", Site = "site1", Port = tap.Port, RepeatWindowMilliseconds = 600_000, Workflow = "receive" });
        await chain.StartAgentAsync();
        await Wait.UntilAsync(() => chain.Runner!.Cameras.IsReady, TimeSpan.FromSeconds(10), () => "subscribed\n" + chain.Log);

        // 4 packs, 2 frames each, as raw gray frames and as PNG from two cameras; then a frame that is no image.
        var packs = CameraPacks.Generate(4, "MQ");
        await SimulateAsync(broker, "gate-1", raw: true, new CameraSimulationOptions(packs.Take(2).ToList()) { Repeat = 2, Seed = 8, Rate = 0 });
        await SimulateAsync(broker, "gate-2", raw: false, new CameraSimulationOptions(packs.Skip(2).ToList()) { Repeat = 2, Seed = 9, Rate = 0 });
        await using var publisher = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = "cam-raw" });
        await publisher.ConnectAsync(CancellationToken.None);
        await publisher.PublishAsync("tracechain/site1/cameras/gate-3/frame", "GIF89a not a frame", cancellationToken: CancellationToken.None);

        await chain.WaitForLedgerHopsAsync(4);
        Assert.True(await chain.Log.WaitForAsync("rejected: not a PNG, JPEG or TCG8 gray frame", TimeSpan.FromSeconds(10)), chain.Log.ToString());
        await Wait.UntilAsync(() => Volatile.Read(ref framesToAgent) == 9 && AckCount(acksFromAgent) == 9, TimeSpan.FromSeconds(10), () => "9 frames acknowledged\n" + chain.Log);
        var worker = chain.Runner!.Cameras.Mqtt[0];
        Assert.Equal(4, worker.Stored);
        Assert.Equal(4, worker.Suppressed);
        Assert.Equal(1, worker.Rejected);

        // Hold the outbox's write lock: the next frame reaches the agent but cannot be committed, so no PUBACK may leave.
        using (var locker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = chain.Settings.OutboxPath, Pooling = false }.ToString()))
        {
            locker.Open();
            using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                begin.ExecuteNonQuery();
            }

            await SimulateAsync(broker, "gate-1", raw: false, new CameraSimulationOptions([CameraPacks.Generated("MQ", 5)]) { Repeat = 1, Seed = 10, Rate = 0 });
            await Wait.UntilAsync(() => Volatile.Read(ref framesToAgent) == 10, TimeSpan.FromSeconds(10), () => "frame delivered to the agent\n" + chain.Log);

            // An observation window for something that must NOT happen (not a synchronisation): an early PUBACK
            // would leave within microseconds of the frame's arrival.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.Equal(9, AckCount(acksFromAgent));
            using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        await Wait.UntilAsync(() => AckCount(acksFromAgent) == 10, TimeSpan.FromSeconds(40), () => "PUBACK after the commit\n" + chain.Log);
        lock (acksFromAgent)
        {
            Assert.Equal(5, acksFromAgent[^1]);
        }

        await chain.WaitForLedgerHopsAsync(5);
        var hops = await chain.Ledger.HopsAsync(AgentHarness.DeviceId);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => TestCodes.PackId($"MQ{i:D6}")), hops.Select(h => SignedHop.Parse(h.EntryBytes).Hop.Identifiers[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AgentStoppedBetweenCommitAndPuback_RedeliveredFrame_NoSecondHop()
    {
        await using var chain = await AgentHarness.CreateAsync();
        await using var broker = await MosquittoProcess.StartAsync(new MosquittoOptions { DataDirectory = Path.Combine(chain.Directory, "mosquitto") }, CancellationToken.None);
        chain.Settings.CameraScanners.Add(new CameraScannerSettings { Name = "gate", Site = "site1", Port = broker.Port, Workflow = "receive" });
        await chain.StartAgentAsync();
        await Wait.UntilAsync(() => chain.Runner!.Cameras.IsReady, TimeSpan.FromSeconds(10), () => "subscribed\n" + chain.Log);
        var committed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        chain.Runner!.Cameras.Mqtt[0].AfterRecord = async (result, ct) =>
        {
            // Hold the handler after the commit: the agent goes down before it can send PUBACK.
            committed.TrySetResult(result.Stored.Count);
            await Task.Delay(Timeout.Infinite, ct);
        };
        var packs = CameraPacks.Generate(2, "RD");
        var frame = GrayPngEncoder.Encode(new CameraFrameRenderer(new CameraSimulationOptions(packs) { Repeat = 1, Tray = 2, Distortion = CameraDistortion.Mild, Seed = 13 }).Render(0).Image);

        await using var camera = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = "cam-tray", MaxPacketSize = 8 << 20 });
        await camera.ConnectAsync(CancellationToken.None);
        var published = camera.PublishAsync("tracechain/site1/cameras/gate-1/frame", frame, cancellationToken: CancellationToken.None);
        Assert.Equal(2, await committed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await chain.StopAgentAsync();

        await chain.StartAgentAsync();
        await Wait.UntilAsync(() => chain.Runner!.Cameras.Mqtt[0].AlreadyStored == 2, TimeSpan.FromSeconds(20), () => "redelivery recognised after restart\n" + chain.Log);
        await published.WaitAsync(TimeSpan.FromSeconds(10));
        await chain.WaitForLedgerHopsAsync(2);
        await Wait.UntilAsync(() => chain.Runner!.Outbox.Counts()["pending"] == 0, TimeSpan.FromSeconds(10), () => "outbox drained\n" + chain.Log);

        Assert.Equal(0, chain.Runner!.Cameras.Mqtt[0].Stored);
        var hops = await chain.Ledger.HopsAsync(AgentHarness.DeviceId);
        Assert.Equal(Enumerable.Range(1, 2).Select(i => TestCodes.PackId($"RD{i:D6}")), hops.Select(h => SignedHop.Parse(h.EntryBytes).Hop.Identifiers[0]).Order(StringComparer.Ordinal));
    }

    private static int AckCount(List<long> acks)
    {
        lock (acks)
        {
            return acks.Count;
        }
    }

    private static long OutboxRows(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM outbox";
        return (long)count.ExecuteScalar()!;
    }

    private static async Task SimulateAsync(MosquittoProcess broker, string cameraId, bool raw, CameraSimulationOptions options)
    {
        var output = new StringWriter();
        var exit = await CameraCommand.RunAsync(
            options,
            async ct => await MqttFrameSink.ConnectAsync(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = "sim-" + cameraId, MaxPacketSize = 8 << 20 }, "site1", cameraId, raw, ct),
            output,
            CancellationToken.None);
        Assert.True(exit == 0, output.ToString());
    }
}
