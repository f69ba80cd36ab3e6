using System.Net.Http.Json;
using System.Text.Json;
using ScannerAgent.Demo;
using ScannerAgent.Tests.Support;
using TraceLedger.Packs;

namespace ScannerAgent.Tests.Demo;

public sealed class DemoRunnerTests
{
    [Fact]
    public async Task Demo_PlaysTheWholeChain_EveryScanGetsAReceipt_TheLedgerRefusesAndAlertsExactlyThePlantedProblems_AndThePrintedChecksTellGenuineFromFake()
    {
        var directory = Path.Combine(Path.GetTempPath(), "demo-test-" + Guid.NewGuid().ToString("N"));
        var console = new LogCapture();
        try
        {
            using var stop = new CancellationTokenSource();
            var run = new DemoRunner(new DemoOptions(directory, "http://127.0.0.1:0", 20, ExitWhenDone: false, TimeSpan.FromSeconds(30)), console)
                .RunAsync(stop.Token);

            // The chain keeps running after the scenario, so the printed consumer checks can be tried against it.
            Assert.True(await console.WaitForAsync("press Ctrl-C", TimeSpan.FromSeconds(150)), console.ToString());
            var verifyUrl = console.Lines.First(l => l.Contains("consumer check of a genuine pack", StringComparison.Ordinal)).Split("curl -s -X POST ")[1].Split(' ')[0];
            using (var http = new HttpClient())
            {
                Assert.Equal("genuine", await VerdictAsync(http, verifyUrl, DemoScenario.DigitalLink(DemoScenario.GenuineSerial)));
                Assert.Equal("unknown_serial", await VerdictAsync(http, verifyUrl, DemoScenario.DigitalLink(DemoScenario.CounterfeitSerial)));
            }

            await stop.CancelAsync();
            var result = await run;

            Assert.Equal(verifyUrl, result.VerifyUrl);
            Assert.True(console.Has(DemoScenario.DigitalLink(DemoScenario.CounterfeitSerial)), console.ToString());
            Assert.Equal(DemoScenario.ScansThrough(DemoScenario.Phases.Count - 1), result.Scans);
            Assert.True(result.Accepted + result.Refused == result.Scans, console.ToString());
            Assert.Equal(0, result.Pending);
            Assert.True(result.Refused == 3, console.ToString());
            Assert.True(result.AsPlanned, console.ToString());
            Assert.Equal(
                new[]
                {
                    (AlertCode.UnknownSerial, DemoScenario.PackId(DemoScenario.CounterfeitSerial), DemoScenario.Parties[2].Gln),
                    (AlertCode.SecondDispense, DemoScenario.PackId(DemoScenario.ClonedSerial), DemoScenario.Parties[3].Gln),
                    (AlertCode.Diversion, DemoScenario.PackId(DemoScenario.DivertedSerial), DemoScenario.Parties[3].Gln),
                }.OrderBy(a => a.Item1).ToArray(),
                result.Alerts.Select(a => (a.Code, a.Identifier ?? "", a.LocationGln ?? "")).OrderBy(a => a.Code).ToArray());
            Assert.True(console.Has("ALERT UNKNOWN_SERIAL"), console.ToString());
            Assert.True(console.Has("REFUSED " + DemoScenario.PackId(DemoScenario.CounterfeitSerial) + ": unknown_pack"), console.ToString());
            Assert.Contains("/v1/items/gtin:09506000134352:ser:G0004/history", result.GenuineHistoryUrl, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string> VerdictAsync(HttpClient http, string verifyUrl, string digitalLink)
    {
        using var response = await http.PostAsJsonAsync(verifyUrl, new { scan = digitalLink });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("code").GetString()!;
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
