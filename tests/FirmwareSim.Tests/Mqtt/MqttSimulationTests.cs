using System.Collections.Concurrent;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using FirmwareSim.Commands;
using FirmwareSim.Mqtt;
using FirmwareSim.Scenarios;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Broker;

namespace FirmwareSim.Tests.Mqtt;

/// <summary>firmware-sim mqtt against a real Mosquitto, with a test client in the agent's place.</summary>
public sealed class MqttSimulationTests : IAsyncLifetime
{
    private readonly string _dir = TestFiles.NewDirectory();
    private readonly ConcurrentQueue<(string Topic, byte[] Payload, bool Dup)> _scans = new();
    private MosquittoProcess? _broker;
    private MqttClient? _agent;

    private MosquittoProcess Broker => _broker!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoProcess.StartAsync(new MosquittoOptions { DataDirectory = Path.Combine(_dir, "mosquitto") }, CancellationToken.None);

        // Stands in for the agent: takes every scan and answers on the scanner's verdict topic.
        _agent = new MqttClient(new MqttClientOptions { Port = _broker.Port, ClientId = "test-agent" }, async (m, ct) =>
        {
            _scans.Enqueue((m.Topic, m.Payload.ToArray(), m.Duplicate));
            var status = m.Payload.Span.IndexOf((byte)']') == 0 || m.Payload.Span.IndexOf("\"raw\""u8) >= 0 ? "stored" : "invalid";
            await _agent!.PublishAsync(m.Topic[..^"scan".Length] + "verdict", $$"""{"status":"{{status}}","counter":{{_scans.Count}}}""", cancellationToken: ct);
        });
        await _agent.ConnectAsync(CancellationToken.None);
        await _agent.SubscribeAsync("tracechain/+/scanners/+/scan", MqttQualityOfService.AtLeastOnce, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _agent!.DisposeAsync();
        await _broker!.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Scenario_LinkCutMidBurst_InFlightPublishesAreResentWithDup_AndEveryScanArrives()
    {
        var steps = ScenarioParser.Parse(await File.ReadAllTextAsync(TestFiles.Scenario("mqtt-faults.txt")));
        var log = new ConcurrentQueue<string>();
        MqttSimulationSummary summary;
        await using (var simulation = new MqttSimulation(Options(2, ScanPayloadFormat.Json), steps, log.Enqueue))
        {
            try
            {
                summary = await simulation.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{simulation.Summary()}\n{string.Join('\n', log.TakeLast(40))}", e);
            }
        }

        // Per scanner: scan, garbage, burst of 40, cut, burst of 10, scan.
        Assert.Equal((106L, 2L, 106L, 2L), (summary.Published, summary.Garbage, summary.Acknowledged, summary.Reconnects));
        Assert.True(summary.Resent > 0, summary.ToString());
        Assert.Contains(log, l => l.StartsWith("wifi-1 Wi-Fi lost for 300 ms with ", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("wifi-2 reconnected (session resumed)", StringComparison.Ordinal));
        Assert.True(summary.ScanVerdicts >= summary.Published, summary.ToString());

        // QoS 1 is at least once: every scan arrives, a resend may arrive twice with the same seq. Resends get verdicts
        // too, so the verdict count can be reached while the last scans are still on their way to the subscriber.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var raws = DistinctJsonScans();
        while (raws.Count < 104 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            raws = DistinctJsonScans();
        }

        Assert.Equal(104, raws.Count);
        Assert.Contains(raws, r => r.Raw == "]d2010950600013435221B2N39\u001d10LOT42");
        Assert.Equal(raws.Count, raws.Select(r => r.Raw).Distinct().Count());
    }

    private List<(string Raw, long Seq)> DistinctJsonScans() =>
        [.. _scans.Where(s => s.Payload[0] == (byte)'{')
            .Select(s => JsonDocument.Parse(s.Payload).RootElement)
            .Select(e => (Raw: e.GetProperty("raw").GetString()!, Seq: e.GetProperty("seq").GetInt64()))
            .Distinct()];

    [Fact]
    public async Task Command_DefaultScenario_PublishesRawScans_AndSummarisesAcksAndVerdicts()
    {
        var output = new StringWriter();

        var exit = await MqttCommand.RunAsync(Options(2, ScanPayloadFormat.Raw), null, 3, exitWhenDone: true, output, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("done: 6 published (0 garbage), 6 acknowledged, 0 resent with DUP, 0 reconnects; verdicts: stored 6", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("wifi-2 verdict stored counter=", output.ToString(), StringComparison.Ordinal);
        var wifi1 = _scans.Where(s => s.Topic == "tracechain/site1/scanners/wifi-1/scan").Select(s => Encoding.Latin1.GetString(s.Payload));
        Assert.Equal(Enumerable.Range(1, 3).Select(n => $"]d2010950600013435221S01{n:D6}\u001d10LOT42"), wifi1);
    }

    [Fact]
    public async Task Garbage_SameSeed_SameBytes_OtherSeed_OtherBytes()
    {
        var steps = ScenarioParser.Parse("* - garbage 16\n");
        async Task<byte[]> GarbageAsync(int seed)
        {
            _scans.Clear();
            await using var simulation = new MqttSimulation(Options(1, ScanPayloadFormat.Raw) with { Seed = seed }, steps, _ => { });
            var summary = await simulation.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(1, summary.Verdicts["invalid"]);
            return Assert.Single(_scans).Payload;
        }

        var first = await GarbageAsync(5);
        Assert.Equal(first, await GarbageAsync(5));
        Assert.NotEqual(first, await GarbageAsync(6));
        Assert.Equal(16, first.Length);
    }

    [Fact]
    public async Task Command_SerialOnlyStep_Returns2AndNamesTheLine()
    {
        var file = Path.Combine(_dir, "split.txt");
        await File.WriteAllTextAsync(file, "1 - scan A\n1 - split B\n");
        var output = new StringWriter();

        var exit = await MqttCommand.RunAsync(Options(1, ScanPayloadFormat.Raw), file, 1, true, output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: line 2: split is a serial fault", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_SiteWithSlash_Returns2()
    {
        var output = new StringWriter();

        var exit = await MqttCommand.RunAsync(Options(1, ScanPayloadFormat.Raw) with { Site = "a/b" }, null, 1, true, output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("--site 'a/b' must be letters, digits", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommandLine_AcceptsTheDocumentedOptions()
    {
        var root = new RootCommand { MqttCommand.Create() };

        var result = root.Parse(["mqtt", "--scanners", "3", "--host", "broker", "--port", "1883", "--username", "u", "--password", "p", "--site", "dock", "--prefix", "hh",
            "--payload", "mixed", "--rate", "20", "--scenario", "f.txt", "--count", "5", "--seed", "9", "--verdict-timeout-ms", "0", "--exit-when-done"]);
        var bad = root.Parse(["mqtt", "--payload", "xml"]);

        Assert.Empty(result.Errors);
        Assert.NotEmpty(bad.Errors);
    }

    private MqttSimulationOptions Options(int scanners, ScanPayloadFormat payload) => new(scanners, "127.0.0.1", Broker.Port)
    {
        Payload = payload,
        Rate = 100,
        VerdictTimeout = TimeSpan.FromSeconds(20),
    };
}
