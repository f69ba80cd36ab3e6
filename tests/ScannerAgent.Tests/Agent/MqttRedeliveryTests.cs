using System.Collections.Concurrent;
using System.Text;
using ScannerAgent.Agent;
using ScannerAgent.Configuration;
using ScannerAgent.Tests.Support;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Broker;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Tests.Agent;

/// <summary>
/// A scan committed to the outbox whose PUBACK never reached the broker is redelivered (DUP, same packet id); it
/// must not become a second hop. A real repeated scan of the same pack must.
/// </summary>
public sealed class MqttRedeliveryTests
{
    private const string User = "agent";
    private const string Password = "mqtt pass";
    private const string Sc1 = "tracechain/site1/scanners/sc-1/scan";

    [Fact]
    public async Task Handle_OnlyADupWithTheStoredPacketIdTopicAndPayload_IsSuppressed()
    {
        await using var chain = await AgentHarness.CreateAsync();
        chain.Settings.MqttScanners.Add(new MqttScannerSettings { Name = "mq", Site = "site1", Workflow = "receive" });
        using var runner = new AgentRunner(chain.Settings, chain.Log);
        var worker = runner.MqttWorkers[0];
        var a = TestCodes.Pack("R0001");

        await worker.HandleAsync(Message(Sc1, a, id: 5, dup: false), CancellationToken.None);         // hop 1
        await worker.HandleAsync(Message(Sc1, a, id: 5, dup: true), CancellationToken.None);          // redelivery of hop 1
        await worker.HandleAsync(Message(Sc1, a, id: 5, dup: false), CancellationToken.None);         // the broker reused id 5: a repeated scan, hop 2
        await worker.HandleAsync(Message(Sc1, a, id: 5, dup: true), CancellationToken.None);          // redelivery of hop 2
        await worker.HandleAsync(Message(Sc1, a, id: 6, dup: true), CancellationToken.None);          // DUP never stored before (lost before commit): hop 3
        await worker.HandleAsync(Message("tracechain/site1/scanners/sc-2/scan", a, id: 5, dup: true), CancellationToken.None); // other scanner: hop 4
        await worker.HandleAsync(Message(Sc1, TestCodes.Pack("R0002"), id: 5, dup: true), CancellationToken.None);            // other payload: hop 5
        await worker.HandleAsync(new MqttMessage(Sc1, Encoding.UTF8.GetBytes(a), MqttQualityOfService.AtMostOnce, false, false), CancellationToken.None); // QoS 0: hop 6

        Assert.Equal(2, worker.Redelivered);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), runner.Outbox.Pending(100).Select(e => e.Counter));
        Assert.Equal(2, chain.Log.Lines.Count(l => l.Contains("acknowledged without a new hop", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Handle_SelfIdentifyingPayloadAgain_IsOneScan_ButANewSeqIsANewHop()
    {
        await using var chain = await AgentHarness.CreateAsync();
        chain.Settings.MqttScanners.Add(new MqttScannerSettings { Name = "mq", Site = "site1", Workflow = "receive" });
        using var runner = new AgentRunner(chain.Settings, chain.Log);
        var worker = runner.MqttWorkers[0];
        string Json(int seq) => System.Text.Json.JsonSerializer.Serialize(new { raw = TestCodes.Pack("J0001"), ts = "2026-11-22T20:00:00.000Z", seq });

        await worker.HandleAsync(Message(Sc1, Json(1), id: 10, dup: false), CancellationToken.None);  // hop 1
        await worker.HandleAsync(Message(Sc1, Json(1), id: 11, dup: false), CancellationToken.None);  // the scanner's resend, forwarded as a new message
        await worker.HandleAsync(Message(Sc1, Json(2), id: 12, dup: false), CancellationToken.None);  // scanned again: hop 2
        await worker.HandleAsync(Message("tracechain/site1/scanners/sc-2/scan", Json(1), id: 13, dup: false), CancellationToken.None); // other scanner: hop 3

        Assert.Equal((1L, 0L), (worker.Resent, worker.Redelivered));
        Assert.Equal([1L, 2L, 3L], runner.Outbox.Pending(100).Select(e => e.Counter));
    }

    [Fact]
    public async Task HandlerFailsBetweenCommitAndPuback_BrokerRedelivers_NoSecondHop()
    {
        await using var chain = await AgentHarness.CreateAsync();
        await using var broker = await StartBrokerAsync(chain);
        var worker = await StartAgentAsync(chain, broker);
        var failed = 0;
        worker.AfterStore = (entry, _) => entry.Counter == 2 && Interlocked.Exchange(ref failed, 1) == 0
            ? throw new IOException("simulated failure after the outbox commit")
            : Task.CompletedTask;

        await using (var scanner = new MqttClient(ClientOptions(broker, "scanner-1")))
        {
            await scanner.ConnectAsync(CancellationToken.None);
            for (var i = 0; i < 4; i++)
            {
                await scanner.PublishAsync(Sc1, TestCodes.Pack($"F{i:D4}"), cancellationToken: CancellationToken.None);
            }
        }

        await Wait.UntilAsync(() => worker.Redelivered == 1 && worker.Stored == 4, TimeSpan.FromSeconds(20), () => "redelivery recognised\n" + chain.Log);
        await chain.WaitForLedgerHopsAsync(4);
        await Wait.UntilAsync(() => chain.Runner!.Outbox.Counts()["pending"] == 0, TimeSpan.FromSeconds(10), () => "outbox drained\n" + chain.Log);
        await AssertHopsAsync(chain, "F", 4);
    }

    [Fact]
    public async Task AgentStoppedBetweenCommitAndPuback_RestartedAgent_AcknowledgesTheRedeliveryWithoutASecondHop()
    {
        await using var chain = await AgentHarness.CreateAsync();
        await using var broker = await StartBrokerAsync(chain);
        var worker = await StartAgentAsync(chain, broker);
        var committed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.AfterStore = async (entry, ct) =>
        {
            // Hold the handler after the commit: the agent goes down before it can send PUBACK.
            committed.TrySetResult(entry.Counter);
            await Task.Delay(Timeout.Infinite, ct);
        };

        var verdicts = new ConcurrentQueue<string>();
        await using var scanner = new MqttClient(ClientOptions(broker, "scanner-1"), (m, _) =>
        {
            verdicts.Enqueue(Encoding.UTF8.GetString(m.Payload.Span));
            return Task.CompletedTask;
        });
        await scanner.ConnectAsync(CancellationToken.None);
        await scanner.SubscribeAsync("tracechain/site1/scanners/sc-1/verdict", MqttQualityOfService.AtLeastOnce, CancellationToken.None);
        var published = scanner.PublishAsync(Sc1, TestCodes.Pack("K0001"), cancellationToken: CancellationToken.None);
        Assert.Equal(1, await committed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await chain.StopAgentAsync();

        await chain.StartAgentAsync();
        await Wait.UntilAsync(() => chain.Runner!.MqttWorkers[0].Redelivered == 1, TimeSpan.FromSeconds(20), () => "redelivery recognised after restart\n" + chain.Log);
        await published.WaitAsync(TimeSpan.FromSeconds(10));
        await scanner.PublishAsync(Sc1, TestCodes.Pack("K0001"), cancellationToken: CancellationToken.None); // scanned again: a real second hop
        await chain.WaitForLedgerHopsAsync(2);
        await Wait.UntilAsync(() => chain.Runner!.Outbox.Counts()["pending"] == 0, TimeSpan.FromSeconds(10), () => "outbox drained\n" + chain.Log);

        var hops = await chain.Ledger.HopsAsync(AgentHarness.DeviceId);
        Assert.Equal([1L, 2L], hops.Select(h => h.Counter ?? 0));
        Assert.All(hops, h => Assert.Equal(TestCodes.PackId("K0001"), SignedHop.Parse(h.EntryBytes).Hop.Identifiers[0]));
        Assert.True(chain.Log.Has("redelivered scan (DUP"), chain.Log.ToString());
        await Wait.UntilAsync(() => verdicts.Count(v => v.Contains("\"stored\"", StringComparison.Ordinal) && v.Contains("\"counter\":1", StringComparison.Ordinal)) >= 1, TimeSpan.FromSeconds(10), () => "stored verdict\n" + string.Join('\n', verdicts));
    }

    [Fact]
    public async Task BrokerLostTheSession_AgentForgetsTheStoredPacketIds()
    {
        await using var chain = await AgentHarness.CreateAsync();
        await using var broker = await StartBrokerAsync(chain, persistence: false);
        await StartAgentAsync(chain, broker);
        var scan = TestCodes.Pack("L0001");
        await PublishAsync(broker, scan);

        await Wait.UntilAsync(() => chain.Runner!.MqttWorkers[0].Stored == 1, TimeSpan.FromSeconds(10), () => "stored\n" + chain.Log);
        var first = ScannerAgent.Outbox.MqttDelivery.Of($"{AgentHarness.DeviceId}-mq", Sc1, 1, Encoding.UTF8.GetBytes(scan)); // Mosquitto's first packet id is 1
        Assert.NotNull(chain.Runner!.Outbox.FindDelivery(first));
        await chain.StopAgentAsync();

        await broker.RestartAsync(CancellationToken.None); // no persistence: the agent's session is gone
        await chain.StartAgentAsync();
        await Wait.UntilAsync(() => chain.Runner!.MqttWorkers[0].IsReady, TimeSpan.FromSeconds(10), () => "subscribed again\n" + chain.Log);

        Assert.True(chain.Log.Has("(session new)"), chain.Log.ToString());
        Assert.Null(chain.Runner!.Outbox.FindDelivery(first));
    }

    [Fact]
    public async Task BrokerLostTheSessionWhileTheAgentRuns_ReconnectForgetsTheStoredPacketIds()
    {
        await using var chain = await AgentHarness.CreateAsync();
        await using var broker = await StartBrokerAsync(chain, persistence: false);
        var worker = await StartAgentAsync(chain, broker);
        var scan = TestCodes.Pack("L0002");
        await PublishAsync(broker, scan);
        await Wait.UntilAsync(() => worker.Stored == 1, TimeSpan.FromSeconds(10), () => "stored\n" + chain.Log);
        var first = ScannerAgent.Outbox.MqttDelivery.Of($"{AgentHarness.DeviceId}-mq", Sc1, 1, Encoding.UTF8.GetBytes(scan));
        Assert.NotNull(chain.Runner!.Outbox.FindDelivery(first));

        await broker.RestartAsync(CancellationToken.None); // no persistence: the agent's session is gone
        await Wait.UntilAsync(() => chain.Log.Lines.Count(l => l.Contains("(session new)", StringComparison.Ordinal)) == 2, TimeSpan.FromSeconds(20), () => "reconnected\n" + chain.Log);
        await Wait.UntilAsync(() => chain.Runner.Outbox.FindDelivery(first) is null, TimeSpan.FromSeconds(10), () => "forgotten\n" + chain.Log);

        // The new session works: a scan after the reconnect is stored and remembered.
        await PublishAsync(broker, TestCodes.Pack("L0003"));
        await Wait.UntilAsync(() => worker.Stored == 2, TimeSpan.FromSeconds(10), () => "stored after the reconnect\n" + chain.Log);
    }

    internal static async Task AssertHopsAsync(AgentHarness chain, string prefix, int count)
    {
        var hops = await chain.Ledger.HopsAsync(AgentHarness.DeviceId);
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long?)i), hops.Select(h => h.Counter));
        var ids = hops.Select(h => SignedHop.Parse(h.EntryBytes).Hop.Identifiers[0]).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(0, count).Select(i => TestCodes.PackId($"{prefix}{i:D4}")), ids);
    }

    private static async Task PublishAsync(MosquittoProcess broker, string scan)
    {
        await using var scanner = new MqttClient(ClientOptions(broker, "scanner-1"));
        await scanner.ConnectAsync(CancellationToken.None);
        await scanner.PublishAsync(Sc1, scan, cancellationToken: CancellationToken.None);
    }

    private static MqttMessage Message(string topic, string payload, ushort id, bool dup) =>
        new(topic, Encoding.UTF8.GetBytes(payload), MqttQualityOfService.AtLeastOnce, Retain: false, Duplicate: dup, PacketId: id);

    private static Task<MosquittoProcess> StartBrokerAsync(AgentHarness chain, bool persistence = true) => MosquittoProcess.StartAsync(
        new MosquittoOptions { DataDirectory = Path.Combine(chain.Directory, "mosquitto"), Users = new Dictionary<string, string> { [User] = Password }, Persistence = persistence },
        CancellationToken.None);

    /// <summary>Starts the agent with its MQTT scanners on <paramref name="broker"/>; returns their worker once subscribed.</summary>
    private static async Task<MqttScannerWorker> StartAgentAsync(AgentHarness chain, MosquittoProcess broker)
    {
        chain.Settings.MqttScanners.Add(Scanners(broker));
        await chain.StartAgentAsync();
        var worker = chain.Runner!.MqttWorkers[0];
        await Wait.UntilAsync(() => worker.IsReady, TimeSpan.FromSeconds(10), () => "subscribed\n" + chain.Log);
        return worker;
    }

    private static MqttScannerSettings Scanners(MosquittoProcess broker) =>
        new() { Name = "mq", Port = broker.Port, Username = User, Password = Password, Site = "site1", Workflow = "receive" };

    private static MqttClientOptions ClientOptions(MosquittoProcess broker, string clientId) => new()
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        ClientId = clientId,
        Username = User,
        Password = Password,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
    };
}
