using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using FirmwareSim.Scenarios;
using FirmwareSim.Serial;
using ScannerAgent.Agent;
using ScannerAgent.Configuration;
using ScannerAgent.Tests.Support;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Broker;
using TraceChain.Protocol.Notifications;
using TraceChain.Protocol.Scanning;
using TraceChain.Serial.Scanning;

namespace ScannerAgent.Tests.Agent;

/// <summary>The agent's offline recall check: a real Mosquitto (persistent), the agent's SQLite file, serial and MQTT scanners, a ledger that goes away.</summary>
public sealed class RecallNotificationTests
{
    private const string User = "agent";
    private const string Password = "notify pass";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task RecalledBatch_ScannedWhileTheGatewayIsDown_WarnsTheOperator_OtherBatchesDoNot_AndTheCacheSurvivesARestart()
    {
        await using var chain = await AgentHarness.CreateAsync(AgentHarness.Line("verify"));
        await using var broker = await MosquittoProcess.StartAsync(
            new MosquittoOptions { DataDirectory = Path.Combine(chain.Directory, "mosquitto"), Users = new Dictionary<string, string> { [User] = Password }, Persistence = true },
            CancellationToken.None);
        chain.Settings.MqttScanners.Add(new MqttScannerSettings { Name = "mq", Port = broker.Port, Username = User, Password = Password, Site = "site1", ScannerId = "pos-1", Workflow = "verify" });
        chain.Settings.Notifications = new NotificationFeedSettings { Host = "127.0.0.1", Port = broker.Port, Username = User, Password = Password };

        // The platform published the recall (retained) before this agent ever connected.
        var recall = new RecallNotice(TestCodes.Gtin, "LOT42", false, "sterility failure", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), 17);
        await using var platform = new MqttClient(Options(broker, "platform"));
        await platform.ConnectAsync(CancellationToken.None);
        await platform.PublishAsync(RecallTopic.Format("tracechain", TestCodes.Gtin, "LOT42"), recall.ToJson(), retain: true, cancellationToken: CancellationToken.None);

        var verdicts = new ConcurrentQueue<JsonElement>();
        await using var pos = new MqttClient(Options(broker, "pos"), (m, _) =>
        {
            verdicts.Enqueue(JsonDocument.Parse(m.Payload).RootElement.Clone());
            return Task.CompletedTask;
        });
        await pos.ConnectAsync(CancellationToken.None);
        await pos.SubscribeAsync("tracechain/site1/scanners/pos-1/verdict", MqttQualityOfService.AtLeastOnce, CancellationToken.None);

        await chain.StartAgentAsync();
        await Wait.UntilAsync(() => chain.Runner!.Notifications!.Cache.Count == 1 && chain.Runner.MqttWorkers[0].IsReady, Timeout, () => "recall cached\n" + chain.Log);
        Assert.Equal(recall, chain.Runner!.Notifications!.Cache.Find(TestCodes.Gtin, "LOT42"));

        // The gateway goes away: the check is local.
        await chain.Ledger.StopAsync();
        var line = chain.Scanners[0];
        line.SendLine(OtherBatch("R0001"));
        await Wait.UntilAsync(() => line.ReceivedText().Contains("OK #1 ", StringComparison.Ordinal), Timeout, () => "good read for another batch\n" + chain.Log);
        line.SendLine(TestCodes.Pack("R0002"));
        await Wait.UntilAsync(() => line.ReceivedText().Contains("RECALLED #2 ", StringComparison.Ordinal), Timeout, () => "recall warning on the serial scanner\n" + chain.Log);
        Assert.Contains($"RECALLED #2 {TestCodes.PackId("R0002")}: batch LOT42 recalled: sterility failure", line.ReceivedText(), StringComparison.Ordinal);
        Assert.DoesNotContain("RECALLED #1", line.ReceivedText(), StringComparison.Ordinal);
        Assert.DoesNotContain("OK #2", line.ReceivedText(), StringComparison.Ordinal);

        // MQTT scanner: the other batch gets "stored" only; the recalled one "stored" then "recalled" (handled in order).
        await pos.PublishAsync("tracechain/site1/scanners/pos-1/scan", OtherBatch("R0003"), cancellationToken: CancellationToken.None);
        await pos.PublishAsync("tracechain/site1/scanners/pos-1/scan", TestCodes.Pack("R0004"), cancellationToken: CancellationToken.None);
        await Wait.UntilAsync(() => verdicts.Any(v => v.GetProperty("status").GetString() == "recalled"), Timeout, () => "recalled verdict\n" + chain.Log);
        var statuses = verdicts.Select(v => (v.GetProperty("status").GetString(), v.GetProperty("id").GetString())).ToList();
        Assert.Equal([("stored", TestCodes.PackId("R0003")), ("stored", TestCodes.PackId("R0004")), ("recalled", TestCodes.PackId("R0004"))], statuses);
        var warning = verdicts.Last();
        Assert.Equal(17, warning.GetProperty("seq").GetInt64());
        Assert.Equal("sterility failure", warning.GetProperty("reason").GetString());

        // Every scan is still a hop, waiting in the outbox for the gateway.
        Assert.Equal(4, chain.Runner.Outbox.Counts()["pending"]);

        // Agent restarted while the broker is down too: the recall comes from its SQLite file.
        await chain.StopAgentAsync();
        await broker.StopAsync(CancellationToken.None);
        await chain.StartAgentAsync();
        Assert.Equal(recall, chain.Runner!.Notifications!.Cache.Find(TestCodes.Gtin, "LOT42"));
        line.SendLine(TestCodes.Pack("R0005"));
        await Wait.UntilAsync(() => line.ReceivedText().Contains("RECALLED #5 ", StringComparison.Ordinal), Timeout, () => "recall warning after the restart\n" + chain.Log);

        // The gateway returns: every hop goes up as usual.
        await chain.Ledger.StartAsync();
        await chain.WaitForLedgerHopsAsync(5);
    }

    [Fact]
    public async Task EmptyRetainedRecall_ClearsTheCachedRecall_AndAnAlertForTheAgentsPartyIsShown()
    {
        await using var chain = await AgentHarness.CreateAsync(AgentHarness.Line("receive"));
        await using var broker = await MosquittoProcess.StartAsync(
            new MosquittoOptions { DataDirectory = Path.Combine(chain.Directory, "mosquitto"), Users = new Dictionary<string, string> { [User] = Password } },
            CancellationToken.None);
        chain.Settings.Notifications = new NotificationFeedSettings { Host = "127.0.0.1", Port = broker.Port, Username = User, Password = Password };
        await chain.StartAgentAsync();
        await Wait.UntilAsync(() => chain.Runner!.Notifications!.IsReady, Timeout, () => "subscribed\n" + chain.Log);

        await using var platform = new MqttClient(Options(broker, "platform"));
        await platform.ConnectAsync(CancellationToken.None);
        var topic = RecallTopic.Format("tracechain", TestCodes.Gtin, "LOT42");
        await platform.PublishAsync(topic, new RecallNotice(TestCodes.Gtin, "LOT42", true, "labelling error", DateTimeOffset.UnixEpoch, 3).ToJson(), retain: true, cancellationToken: CancellationToken.None);
        await Wait.UntilAsync(() => chain.Runner!.Notifications!.Cache.Count == 1, Timeout, () => "recall cached\n" + chain.Log);
        var line = chain.Scanners[0];
        line.SendLine(TestCodes.Pack("C0001"));
        await Wait.UntilAsync(() => line.ReceivedText().Contains("RECALLED #1 ", StringComparison.Ordinal), Timeout, () => "withdrawal warning\n" + chain.Log);
        Assert.Contains("batch LOT42 withdrawn: labelling error", line.ReceivedText(), StringComparison.Ordinal);

        // A notice whose payload disagrees with its topic is refused, not cached.
        await platform.PublishAsync(RecallTopic.Format("tracechain", TestCodes.Gtin, "LOT99"), new RecallNotice(TestCodes.Gtin, "LOT42", false, "x", DateTimeOffset.UnixEpoch, 4).ToJson(), retain: false, cancellationToken: CancellationToken.None);
        await Wait.UntilAsync(() => chain.Log.Has("ignored recall notice"), Timeout, () => "mismatch refused\n" + chain.Log);

        await platform.PublishAsync(topic, ReadOnlyMemory<byte>.Empty, retain: true, cancellationToken: CancellationToken.None);
        await Wait.UntilAsync(() => chain.Runner!.Notifications!.Cache.Count == 0, Timeout, () => "recall cleared\n" + chain.Log);
        line.SendLine(TestCodes.Pack("C0002"));
        await Wait.UntilAsync(() => line.ReceivedText().Contains("OK #2 ", StringComparison.Ordinal), Timeout, () => "good read after the clear\n" + chain.Log);

        var alert = new AlertNotice(42, "diversion", TestCodes.PackId("C0001"), DateTimeOffset.UnixEpoch, AgentHarness.Location);
        await platform.PublishAsync(RecallTopic.Alerts("tracechain", AgentHarness.Location), alert.ToJson(), cancellationToken: CancellationToken.None);
        await Wait.UntilAsync(() => chain.Runner!.Notifications!.Alerts == 1, Timeout, () => "alert received\n" + chain.Log);
        Assert.True(chain.Log.Has($"ALERT diversion {TestCodes.PackId("C0001")}"), chain.Log.ToString());
    }

    [Fact]
    public async Task SsiScanner_HearsTheErrorBeepForARecalledBatch_AndTheGoodReadBeepForAnother()
    {
        await using var chain = await AgentHarness.CreateAsync();
        await using var broker = await MosquittoProcess.StartAsync(
            new MosquittoOptions { DataDirectory = Path.Combine(chain.Directory, "mosquitto"), Users = new Dictionary<string, string> { [User] = Password } },
            CancellationToken.None);
        await using (var platform = new MqttClient(Options(broker, "platform")))
        {
            await platform.ConnectAsync(CancellationToken.None);
            var notice = new RecallNotice(TestCodes.Gtin, "LOT42", false, "sterility failure", DateTimeOffset.UnixEpoch, 8);
            await platform.PublishAsync(RecallTopic.Format("tracechain", TestCodes.Gtin, "LOT42"), notice.ToJson(), retain: true, cancellationToken: CancellationToken.None);
        }

        using var sim = new SimulatedScanner(new SimulatedScannerOptions(1, Path.Combine(chain.Directory, "sim-ssi"), ScannerMode.Ssi) { Interval = TimeSpan.FromMilliseconds(50) }, _ => { });
        chain.Settings.Scanners.Add(new ScannerSettings { Name = "dock", Port = sim.LinkPath, Mode = "ssi", Baud = 115200, Workflow = "receive" });
        chain.Settings.Notifications = new NotificationFeedSettings { Host = "127.0.0.1", Port = broker.Port, Username = User, Password = Password };
        await chain.StartAgentAsync();
        await Wait.UntilAsync(() => chain.Runner!.Notifications!.Cache.Count == 1, Timeout, () => "recall cached\n" + chain.Log);
        sim.Start(
        [
            new ScenarioStep(0, 1, null, ScenarioAction.Scan, Encoding.Latin1.GetBytes(OtherBatch("S0001")), 1, TimeSpan.Zero),
            new ScenarioStep(0, 1, TimeSpan.FromMilliseconds(300), ScenarioAction.Scan, Encoding.Latin1.GetBytes(TestCodes.Pack("S0002")), 1, TimeSpan.Zero),
        ]);

        await Wait.UntilAsync(() => sim.Feedback.Count(f => f.Opcode == SsiOpcode.Beep) >= 2, Timeout, () => "two beeps\n" + chain.Log);
        Assert.Equal([ScannerWorker.StoredBeep, ScannerWorker.ErrorBeep], sim.Feedback.Where(f => f.Opcode == SsiOpcode.Beep).Select(f => f.Argument));
        Assert.True(chain.Log.Has($"RECALLED #2 {TestCodes.PackId("S0002")}"), chain.Log.ToString());
        await chain.WaitForLedgerHopsAsync(2);
    }

    private static string OtherBatch(string serial) => $"]d201{TestCodes.Gtin}17271231" + "10LOT43\u001d21" + serial;

    private static MqttClientOptions Options(MosquittoProcess broker, string clientId) => new()
    {
        Port = broker.Port,
        ClientId = clientId,
        Username = User,
        Password = Password,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
    };
}
