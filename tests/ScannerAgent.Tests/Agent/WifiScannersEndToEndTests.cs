using FirmwareSim.Mqtt;
using FirmwareSim.Scenarios;
using ScannerAgent.Configuration;
using ScannerAgent.Tests.Support;
using TraceChain.Mqtt.Broker;
using TraceChain.Protocol.Signing;
using Xunit.Abstractions;

namespace ScannerAgent.Tests.Agent;

/// <summary>
/// firmware-sim's Wi-Fi scanners -> real Mosquitto -> agent -> real ledger, with bursts, garbage and the agent's
/// connection failing between outbox commit and PUBACK (the broker redelivers with DUP), for raw and JSON payloads;
/// in mqtt-faults.txt also the scanners' links cut mid-burst (their QoS 1 publishes resent, which the broker forwards
/// as new messages). Every scan becomes exactly one hop. Raw payloads carry nothing that tells a scanner's resend
/// from a second scan, so the link cuts are played with JSON payloads (docs/mqtt.md).
/// </summary>
public sealed class WifiScannersEndToEndTests(ITestOutputHelper output)
{
    private const string User = "agent";
    private const string Password = "mqtt pass";


    public static TheoryData<string, ScanPayloadFormat, string[]> Scenarios => new()
    {
        // Per scanner: 1 scan, garbage, a burst of 40, the Wi-Fi link cut, a burst of 10, 1 scan.
        { "mqtt-faults.txt", ScanPayloadFormat.Json, ["W{s}", "E{s}", .. Burst("B{s}N", 40), .. Burst("C{s}N", 10)] },
        // Per scanner: 1 scan, a burst of 30, garbage, a burst of 20, 1 scan.
        { "mqtt-bursts.txt", ScanPayloadFormat.Json, ["R{s}", "Z{s}", .. Burst("P{s}N", 30), .. Burst("Q{s}N", 20)] },
        { "mqtt-bursts.txt", ScanPayloadFormat.Raw, ["R{s}", "Z{s}", .. Burst("P{s}N", 30), .. Burst("Q{s}N", 20)] },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task WifiScanners_WithBurstsAndForcedReconnects_EveryScanBecomesExactlyOneHop(string scenario, ScanPayloadFormat payload, string[] serials)
    {
        ArgumentNullException.ThrowIfNull(serials);
        var validPerScanner = serials.Length;
        var cuts = scenario == "mqtt-faults.txt";
        await using var chain = await AgentHarness.CreateAsync();
        await using var broker = await MosquittoProcess.StartAsync(
            new MosquittoOptions { DataDirectory = Path.Combine(chain.Directory, "mosquitto"), Users = new Dictionary<string, string> { [User] = Password }, Persistence = true },
            CancellationToken.None);
        chain.Settings.MqttScanners.Add(new MqttScannerSettings { Name = "wifi", Port = broker.Port, Username = User, Password = Password, Site = "dock", Workflow = "receive" });
        await chain.StartAgentAsync();
        var worker = chain.Runner!.MqttWorkers[0];
        await Wait.UntilAsync(() => worker.IsReady, TimeSpan.FromSeconds(10), () => "subscribed\n" + chain.Log);

        // The agent's connection fails right after every 25th commit, before PUBACK: the broker redelivers with DUP.
        var failedOnce = new HashSet<long>();
        worker.AfterStore = (entry, _) =>
        {
            lock (failedOnce)
            {
                return entry.Counter % 25 == 0 && failedOnce.Add(entry.Counter)
                    ? throw new IOException($"simulated failure after committing hop #{entry.Counter}")
                    : Task.CompletedTask;
            }
        };

        const int scanners = 3;
        var steps = ScenarioParser.Parse(await File.ReadAllTextAsync(Scenario(scenario)));
        var options = new MqttSimulationOptions(scanners, "127.0.0.1", broker.Port)
        {
            Site = "dock",
            Username = User,
            Password = Password,
            Payload = payload,
            Rate = 50,
            Seed = 7,
            VerdictTimeout = TimeSpan.FromSeconds(60),
        };
        var simLog = new LogCapture();
        MqttSimulationSummary summary;
        await using (var simulation = new MqttSimulation(options, steps, simLog.WriteLine))
        {
            summary = await simulation.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

            // RunAsync stops waiting once it counted a verdict per scan; a redelivery's second "stored" may come first.
            await Wait.UntilAsync(
                () => simulation.Summary() is var s && s.Verdicts.GetValueOrDefault("invalid") >= scanners && s.Verdicts.GetValueOrDefault("stored") >= scanners * validPerScanner,
                TimeSpan.FromSeconds(30),
                () => "verdicts at the scanners: " + simulation.Summary());
            summary = simulation.Summary();
        }

        Assert.Equal((scanners * (validPerScanner + 1), (long)scanners), (summary.Published, summary.Garbage));
        Assert.Equal(summary.Published, summary.Acknowledged);
        Assert.Equal(cuts ? scanners : 0, summary.Reconnects);
        Assert.True(summary.Resent > 0 == cuts, summary.ToString());

        // Garbage is no hop. It may be refused more than once: one caught by a link cut is resent by its scanner, and
        // one in flight to the agent when its connection is failed on purpose is redelivered by the broker.
        Assert.True(summary.Verdicts["invalid"] >= scanners, summary.ToString());
        await chain.WaitForLedgerHopsAsync(scanners * validPerScanner);
        await Wait.UntilAsync(() => chain.Runner!.Outbox.Counts()["pending"] == 0, TimeSpan.FromSeconds(20), () => "outbox drained\n" + chain.Log);
        var hops = await chain.Ledger.HopsAsync(AgentHarness.DeviceId);
        Assert.Equal(Enumerable.Range(1, scanners * validPerScanner).Select(i => (long?)i), hops.Select(h => h.Counter));
        var expected = Enumerable.Range(1, scanners)
            .SelectMany(s => serials.Select(serial => serial.Replace("{s}", s.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))
            .Select(serial => $"gtin:09506000134352:ser:{serial}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, hops.Select(h => SignedHop.Parse(h.EntryBytes).Hop.Identifiers[0]).Order(StringComparer.Ordinal));
        Assert.True(worker.Invalid >= scanners, $"{worker.Invalid} invalid");
        Assert.True(worker.Redelivered >= 1, $"{worker.Redelivered} redelivered");
        output.WriteLine($"{summary}; agent: {worker.Stored} stored, {worker.Redelivered} broker redeliveries and {worker.Resent} scanner resends acknowledged without a hop, {worker.Invalid} invalid");
    }

    private static IEnumerable<string> Burst(string prefix, int count) => Enumerable.Range(0, count).Select(n => prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Scenario(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "testdata", "firmware-sim", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"testdata/firmware-sim/{name} not found above {AppContext.BaseDirectory}");
    }
}
