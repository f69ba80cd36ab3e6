using FirmwareSim.Scenarios;
using FirmwareSim.Serial;
using TraceChain.Protocol.Scanning;
using TraceChain.Serial.Scanning;

namespace FirmwareSim.Tests.Serial;

public sealed class SerialSimulationTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _dir = TestFiles.NewDirectory();

    private static readonly string[] Expected =
    [
        "]d2010950600013435221S0001\u001d10LOT42",
        "]d2010950600013435221S0002\u001d10LOT42",
        "]Q1https://id.example.com/01/09506000134352/21/S0003",
        .. Enumerable.Range(0, 5).Select(i => $"]d2010950600013435221B{i}\u001d10LOT42"),
        "12345678901234567890",
        "END",
    ];

    [Fact]
    public async Task LineMode_FourScannersWithFaults_DeliverExactlyTheScriptedScans()
    {
        var options = new SerialSimulationOptions(4, ScannerMode.Line, _dir) { Rate = 100 };
        using var hosts = new HostScanners(options);
        using var sim = new SerialSimulation(options, ScenarioParser.Parse(File.ReadAllText(TestFiles.Scenario("line-faults.txt"))), _ => { });

        var received = await Task.WhenAll(Enumerable.Range(1, 4).Select(id => hosts.ReadUntilEndAsync(id, Timeout)));

        foreach (var texts in received)
        {
            Assert.Equal(Expected, texts);
        }

        Assert.Equal(4, hosts.Errors.Count(e => e == FramingErrorKind.OversizedLine));
        Assert.Equal(5, hosts.Connects);
        await sim.Completion.WaitAsync(Timeout);
        Assert.All(Enumerable.Range(1, 4), id => Assert.False(hosts[id].Scans.TryRead(out _)));
    }

    [Fact]
    public async Task SsiMode_TwoScannersWithFaults_DeliverExactlyTheGoodScansAndLoseNone()
    {
        var options = new SerialSimulationOptions(2, ScannerMode.Ssi, _dir) { Rate = 100, AckTimeout = TimeSpan.FromMilliseconds(300) };
        using var hosts = new HostScanners(options);
        using var sim = new SerialSimulation(options, ScenarioParser.Parse(File.ReadAllText(TestFiles.Scenario("ssi-faults.txt"))), _ => { });
        string[] expected =
        [
            .. Expected[..2],
            "]d2010950600013435221S0003\u001d10LOT42",
            .. Expected[3..8],
            "]d2010950600013435221S0004\u001d10LOT42",
            "]d2010950600013435221S0004\u001d10LOT42",
            .. Expected[8..],
        ];

        var received = await Task.WhenAll(Enumerable.Range(1, 2).Select(id => hosts.ReadUntilEndAsync(id, Timeout)));

        Assert.All(received, texts => Assert.Equal(expected, texts));
        await sim.Completion.WaitAsync(Timeout);
        Assert.All(sim.Scanners, s => Assert.Equal((expected.Length, 0), (s.ScansSent, s.ScansLost)));
        Assert.True(hosts.Errors.Count(e => e == FramingErrorKind.BadChecksum) >= 4, string.Join(",", hosts.Errors));
        Assert.Equal(3, hosts.Connects);
    }

    [Fact]
    public async Task SsiMode_HostFeedbackAndSessions_AreObeyedAndRecorded()
    {
        var options = new SerialSimulationOptions(1, ScannerMode.Ssi, _dir) { Rate = 100 };
        using var hosts = new HostScanners(options);
        using var sim = new SerialSimulation(options, ScenarioParser.Parse("1 0 scan FIRST\n1 800 scan END\n"), _ => { });
        using var cts = new CancellationTokenSource(Timeout);
        var host = hosts[1];

        Assert.Equal("FIRST", (await host.Scans.ReadAsync(cts.Token)).Text);
        Assert.Equal(SsiSendStep.Delivered, await host.SetSessionAsync(false, cts.Token));
        Assert.Equal(SsiSendStep.Delivered, await host.BeepAsync(0x02, cts.Token));
        Assert.Equal(SsiSendStep.Delivered, await host.SetLedAsync(true, cts.Token));
        Assert.False(sim.Scanners[0].SessionActive);
        Assert.False(host.Scans.TryRead(out _));
        Assert.Equal(SsiSendStep.Delivered, await host.SetSessionAsync(true, cts.Token));

        Assert.Equal("END", (await host.Scans.ReadAsync(cts.Token)).Text);
        Assert.Equal(
            [new(1, SsiOpcode.StopSession, null), new(1, SsiOpcode.Beep, 0x02), new(1, SsiOpcode.LedOn, 0x01), new FeedbackRecord(1, SsiOpcode.StartSession, null)],
            sim.Scanners[0].Feedback);
    }

    [Fact]
    public void Simulation_BadChecksumInLineMode_IsRefusedNamingTheLine()
    {
        var options = new SerialSimulationOptions(1, ScannerMode.Line, _dir);

        var ex = Assert.Throws<ScenarioFormatException>(() => new SerialSimulation(options, ScenarioParser.Parse("1 - scan A\n1 - badchecksum B"), _ => { }));

        Assert.Equal("line 2: badchecksum needs --mode ssi (line mode has no checksum)", ex.Message);
    }

    [Fact]
    public void Simulation_StepForMissingScanner_IsRefused()
    {
        var options = new SerialSimulationOptions(2, ScannerMode.Line, _dir);

        var ex = Assert.Throws<ScenarioFormatException>(() => new SerialSimulation(options, ScenarioParser.Parse("3 - scan A"), _ => { }));

        Assert.Contains("scanner 3 but only 2", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
