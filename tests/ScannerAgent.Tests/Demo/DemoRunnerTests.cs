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
            var genuineUrl = PrintedUrl(console, "consumer page of a genuine pack: ");
            var fakeUrl = PrintedUrl(console, "consumer page of the fake pack:  ");
            using (var http = new HttpClient())
            {
                Assert.Equal("genuine", await VerdictAsync(http, genuineUrl));
                Assert.Equal("unknown_serial", await VerdictAsync(http, fakeUrl));
                Assert.Contains("possible counterfeit", await http.GetStringAsync(fakeUrl), StringComparison.Ordinal);
                Assert.DoesNotContain("counterfeit", await http.GetStringAsync(genuineUrl), StringComparison.OrdinalIgnoreCase);
            }

            await stop.CancelAsync();
            var result = await run;

            Assert.Equal(genuineUrl, result.GenuineUrl);
            Assert.Equal(fakeUrl, result.FakeUrl);
            Assert.EndsWith("/01/09506000134352/10/LOT42/21/F9999?17=271231", fakeUrl, StringComparison.Ordinal);
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
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string PrintedUrl(LogCapture console, string label) =>
        console.Lines.First(l => l.Contains(label, StringComparison.Ordinal)).Split(label)[1].Trim();

    // The consumer page answers JSON when asked for it, HTML otherwise.
    private static async Task<string> VerdictAsync(HttpClient http, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
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
