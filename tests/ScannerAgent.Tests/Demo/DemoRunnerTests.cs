using ScannerAgent.Demo;
using ScannerAgent.Tests.Support;

namespace ScannerAgent.Tests.Demo;

public sealed class DemoRunnerTests
{
    [Fact]
    public async Task Demo_PlaysTheWholeChain_EveryScanIsAHop_AndExactlyTheThreePlantedProblemsAlert()
    {
        var directory = Path.Combine(Path.GetTempPath(), "demo-test-" + Guid.NewGuid().ToString("N"));
        var console = new LogCapture();
        try
        {
            var result = await new DemoRunner(new DemoOptions(directory, "http://127.0.0.1:0", 20, ExitWhenDone: true, TimeSpan.FromSeconds(30)), console)
                .RunAsync(CancellationToken.None);

            Assert.True(result.Accepted == result.Scans, console.ToString());
            Assert.Equal(DemoScenario.ScansThrough(DemoScenario.Phases.Count - 1), result.Scans);
            Assert.Equal(0, result.Pending);
            Assert.Equal(
                new[] { ("cloned", DemoScenario.PackId(DemoScenario.ClonedSerial)), ("counterfeit", DemoScenario.PackId(DemoScenario.CounterfeitSerial)), ("diverted", DemoScenario.PackId(DemoScenario.DivertedSerial)) },
                result.Alerts.Select(a => (a.Kind, a.Identifier)).Order());
            Assert.Contains("/v1/items/gtin:09506000134352:ser:F9999/history", result.FakeUrl, StringComparison.Ordinal);
            Assert.True(console.Has("ALERT COUNTERFEIT"), console.ToString());
            Assert.Contains("/v1/items/gtin:09506000134352:ser:G0002/history", result.GenuineUrl, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_RefusesAFolderThatIsNotEmpty()
    {
        var directory = Directory.CreateTempSubdirectory("demo-test-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "ledger.db"), "old");
        try
        {
            var e = await Assert.ThrowsAsync<IOException>(() => new DemoRunner(new DemoOptions(directory, "http://127.0.0.1:0", 20, true, TimeSpan.FromSeconds(5)), new LogCapture()).RunAsync(CancellationToken.None));
            Assert.Contains("not empty", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
