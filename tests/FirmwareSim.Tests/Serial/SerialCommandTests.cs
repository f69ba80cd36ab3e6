using System.CommandLine;
using FirmwareSim.Commands;
using FirmwareSim.Serial;
using TraceChain.Serial.Scanning;

namespace FirmwareSim.Tests.Serial;

public sealed class SerialCommandTests : IDisposable
{
    private readonly string _dir = TestFiles.NewDirectory();

    [Fact]
    public async Task Run_DefaultScenario_EachScannerSendsCountDistinctGs1Scans()
    {
        var options = new SerialSimulationOptions(2, ScannerMode.Ssi, _dir) { Rate = 200 };
        using var hosts = new HostScanners(options);
        var output = new StringWriter();

        var exit = await SerialCommand.RunAsync(options, null, 3, exitWhenDone: true, output, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exit);
        Assert.Contains("done: 6 scans sent, 0 lost", output.ToString(), StringComparison.Ordinal);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        for (var id = 1; id <= 2; id++)
        {
            for (var n = 1; n <= 3; n++)
            {
                var scan = await hosts[id].Scans.ReadAsync(cts.Token);
                Assert.Equal($"]d2010950600013435221S{id:D2}{n:D6}\u001d10LOT42", scan.TextWithSymbologyIdentifier);
            }
        }
    }

    [Fact]
    public async Task Run_BadScenarioFile_Returns2AndNamesTheLine()
    {
        var file = Path.Combine(_dir, "bad.txt");
        await File.WriteAllTextAsync(file, "1 - scan A\n1 - fly B\n");
        var output = new StringWriter();

        var exit = await SerialCommand.RunAsync(new SerialSimulationOptions(1, ScannerMode.Line, _dir), file, 1, true, output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: line 2: unknown action 'fly'", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommandLine_AcceptsTheDocumentedOptions()
    {
        var root = new RootCommand { SerialCommand.Create() };

        var result = root.Parse(["serial", "--scanners", "4", "--mode", "ssi", "--dir", _dir, "--rate", "10", "--scenario", "file.txt"]);
        var bad = root.Parse(["serial", "--mode", "usb"]);

        Assert.Empty(result.Errors);
        Assert.NotEmpty(bad.Errors);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
