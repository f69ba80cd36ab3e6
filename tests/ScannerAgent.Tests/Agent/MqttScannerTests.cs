using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ScannerAgent.Configuration;
using ScannerAgent.Tests.Support;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Broker;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Tests.Agent;

/// <summary>MQTT scanners end to end: a real Mosquitto (persistent), the agent, its outbox file and a real ledger.</summary>
public sealed class MqttScannerTests
{
    private const string User = "agent";
    private const string Password = "mqtt pass";

    [Fact]
    public async Task NScansOverMqtt_BecomeExactlyNHops_IncludingScansQueuedWhileTheAgentWasDown()
    {
        await using var chain = await AgentHarness.CreateAsync();
        await using var broker = await MosquittoProcess.StartAsync(
            new MosquittoOptions { DataDirectory = Path.Combine(chain.Directory, "mosquitto"), Users = new Dictionary<string, string> { [User] = Password }, Persistence = true },
            CancellationToken.None);
        chain.Settings.MqttScanners.Add(new MqttScannerSettings { Name = "mq", Port = broker.Port, Username = User, Password = Password, Site = "site1", Workflow = "receive" });

        var verdicts = new ConcurrentQueue<(string Topic, JsonElement Body)>();
        await using var operatorClient = new MqttClient(Options(broker, "operator"), (m, _) =>
        {
            verdicts.Enqueue((m.Topic, JsonDocument.Parse(m.Payload).RootElement.Clone()));
            return Task.CompletedTask;
        });
        await operatorClient.ConnectAsync(CancellationToken.None);
        await operatorClient.SubscribeAsync("tracechain/site1/scanners/+/verdict", MqttQualityOfService.AtLeastOnce, CancellationToken.None);

        await chain.StartAgentAsync();
        await Wait.UntilAsync(() => chain.Runner!.MqttWorkers.All(w => w.IsReady), TimeSpan.FromSeconds(10), () => "subscribed\n" + chain.Log);

        // First half by our client (raw payload and JSON form, two scanners), QoS 1: PUBACK from the broker.
        await using (var publisher = new MqttClient(Options(broker, "scanners")))
        {
            await publisher.ConnectAsync(CancellationToken.None);
            await Task.WhenAll(Enumerable.Range(0, 12).Select(i => i % 2 == 0
                ? publisher.PublishAsync("tracechain/site1/scanners/sc-1/scan", TestCodes.Pack($"M{i:D4}"), cancellationToken: CancellationToken.None)
                : publisher.PublishAsync("tracechain/site1/scanners/sc-2/scan", JsonSerializer.Serialize(new { raw = TestCodes.Pack($"M{i:D4}") }), cancellationToken: CancellationToken.None)));
            await publisher.PublishAsync("tracechain/site1/scanners/sc-1/scan", "]d2not a code", cancellationToken: CancellationToken.None);
        }

        await chain.WaitForLedgerHopsAsync(12);
        await Wait.UntilAsync(() => verdicts.Any(v => v.Body.GetProperty("status").GetString() == "invalid"), TimeSpan.FromSeconds(10), () => "invalid verdict\n" + chain.Log);
        // A retried upload answers "duplicate" for the same hop: count hops with a receipt, not messages.
        await Wait.UntilAsync(() => verdicts.Where(v => v.Body.GetProperty("status").GetString() is "accepted" or "duplicate").Select(v => v.Body.GetProperty("counter").GetInt64()).Distinct().Count() == 12, TimeSpan.FromSeconds(10), () => "12 ledger receipts\n" + chain.Log);
        Assert.Equal(6, verdicts.Count(v => v.Topic == "tracechain/site1/scanners/sc-2/verdict" && v.Body.GetProperty("status").GetString() == "stored"));

        // Agent down: the broker queues the next scans for its persistent session (mosquitto_pub exits after PUBACK).
        await chain.StopAgentAsync();
        for (var i = 12; i < 20; i++)
        {
            var (exit, error) = await MosquittoPubAsync(broker, "tracechain/site1/scanners/sc-3/scan", TestCodes.Pack($"M{i:D4}"));
            Assert.True(exit == 0, error);
        }

        await chain.StartAgentAsync();
        await chain.WaitForLedgerHopsAsync(20);
        await Wait.UntilAsync(() => chain.Runner!.Outbox.Counts()["pending"] == 0, TimeSpan.FromSeconds(10), () => "outbox drained\n" + chain.Log);

        var hops = await chain.Ledger.HopsAsync(AgentHarness.DeviceId);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long?)i), hops.Select(h => h.Counter));
        var ids = hops.Select(h => SignedHop.Parse(h.EntryBytes).Hop.Identifiers[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => TestCodes.PackId($"M{i:D4}")), ids);
        Assert.True(chain.Log.Has("session resumed"), chain.Log.ToString());
        Assert.Equal(0, chain.Runner!.MqttWorkers[0].Invalid);
    }

    [Fact]
    public async Task BrokerDownAtAgentStart_AgentConnectsWhenItComes_AndStoresTheScan()
    {
        await using var chain = await AgentHarness.CreateAsync();
        await using var broker = await MosquittoProcess.StartAsync(
            new MosquittoOptions { DataDirectory = Path.Combine(chain.Directory, "mosquitto"), Users = new Dictionary<string, string> { [User] = Password } },
            CancellationToken.None);
        chain.Settings.MqttScanners.Add(new MqttScannerSettings { Name = "mq", Port = broker.Port, Username = User, Password = Password, Site = "site2", ScannerId = "pos-1", Workflow = "dispense" });
        await broker.StopAsync(CancellationToken.None);

        await chain.StartAgentAsync();
        await Wait.UntilAsync(() => chain.Log.Has("not available (connect)"), TimeSpan.FromSeconds(10), () => "connect failure logged\n" + chain.Log);
        Assert.False(chain.Runner!.MqttWorkers[0].IsReady);
        await broker.RestartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => chain.Runner!.MqttWorkers[0].IsReady, TimeSpan.FromSeconds(20), () => "subscribed after the broker came\n" + chain.Log);

        // The point-of-sale terminal hears the ledger's verdict on its own verdict topic.
        var statuses = new ConcurrentQueue<string>();
        await using var pos = new MqttClient(Options(broker, "pos"), (m, _) =>
        {
            statuses.Enqueue(JsonDocument.Parse(m.Payload).RootElement.GetProperty("status").GetString()!);
            return Task.CompletedTask;
        });
        await pos.ConnectAsync(CancellationToken.None);
        await pos.SubscribeAsync("tracechain/site2/scanners/pos-1/verdict", MqttQualityOfService.AtLeastOnce, CancellationToken.None);
        await pos.PublishAsync("tracechain/site2/scanners/pos-1/scan", TestCodes.Pack("D0001"), cancellationToken: CancellationToken.None);
        await chain.WaitForLedgerHopsAsync(1);
        var hop = SignedHop.Parse(Assert.Single(await chain.Ledger.HopsAsync(AgentHarness.DeviceId)).EntryBytes).Hop;
        Assert.Equal(TestCodes.PackId("D0001"), hop.Identifiers[0]);
        await Wait.UntilAsync(() => statuses.Contains("accepted"), TimeSpan.FromSeconds(10), () => "accepted verdict\n" + chain.Log);
        Assert.Equal("stored", statuses.First());
    }

    private static MqttClientOptions Options(MosquittoProcess broker, string clientId) => new()
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        ClientId = clientId,
        Username = User,
        Password = Password,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
    };

    private static async Task<(int Exit, string Error)> MosquittoPubAsync(MosquittoProcess broker, string topic, string message)
    {
        var info = new ProcessStartInfo("mosquitto_pub") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-u", User, "-P", Password, "-q", "1", "-t", topic, "-m", message })
        {
            info.ArgumentList.Add(argument);
        }

        info.StandardErrorEncoding = Encoding.UTF8;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start mosquitto_pub");
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return (process.ExitCode, await error);
    }
}
