using System.CommandLine;
using ScannerAgent.Commands;
using ScannerAgent.Tests.Support;
using TraceChain.Imaging;
using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Hops;

namespace ScannerAgent.Tests.Commands;

/// <summary><c>ScannerAgent labels</c> against a real gateway: the files it writes decode back to exactly the commissioned packs.</summary>
public sealed class LabelsCommandTests : IAsyncLifetime
{
    private const string Lot = "LB-9";
    private const string Expiry = "281130";
    private string directory = null!;
    private GatewayServer gateway = null!;
    private string key = null!;
    private IReadOnlyList<string> commissioned = null!;

    public async Task InitializeAsync()
    {
        directory = Directory.CreateTempSubdirectory("labels-command-").FullName;
        gateway = await GatewayServer.StartAsync(directory);
        (key, commissioned) = await gateway.CommissionAsync(Lot, Expiry, 5);
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData("datamatrix", "]d2")]
    [InlineData("digitallink", "]Q1")]
    public async Task Png_EveryPage_WritesPngsThatDecodeToExactlyTheCommissionedPacks(string symbology, string aim)
    {
        var output = Path.Combine(directory, "png-" + symbology);
        var (exit, console, error) = await RunAsync("--symbology", symbology, "--format", "png", "--page-size", "2", "--out", output);

        Assert.True(exit == 0, error);
        Assert.Contains("wrote 5 of 5 labels", console, StringComparison.Ordinal);
        Assert.Contains("3 page(s)", console, StringComparison.Ordinal);
        var reader = new BarcodeReader();
        var decoded = new List<string>();
        foreach (var file in Directory.GetFiles(output, "*.png"))
        {
            var code = Assert.Single(reader.Decode(await File.ReadAllBytesAsync(file)));
            Assert.Equal(aim, code.SymbologyIdentifier);
            decoded.Add(Identifier(code));
        }

        Assert.Equal(commissioned.Order(StringComparer.Ordinal), decoded.Order(StringComparer.Ordinal));
        var manifest = await File.ReadAllLinesAsync(Path.Combine(output, "labels.csv"));
        Assert.Equal("file,position,gtin,batch,expiry,serial,code", manifest[0]);
        Assert.Equal(6, manifest.Length);
        Assert.Equal(["1", "2", "3", "4", "5"], manifest.Skip(1).Select(l => l.Split(',')[1]));
    }

    [Fact]
    public async Task Svg_StoppedAfterOnePage_ContinuesFromThePrintedCursor()
    {
        var first = Path.Combine(directory, "svg-1");
        var (exit, console, error) = await RunAsync("--format", "svg", "--page-size", "3", "--pages", "1", "--out", first);

        Assert.True(exit == 0, error);
        Assert.Contains("wrote 3 of 5 labels", console, StringComparison.Ordinal);
        var marker = "continue with --after ";
        var at = console.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, console);
        var cursor = console[(at + marker.Length)..].Trim();
        Assert.EndsWith("-0000001.svg", Assert.Single(Directory.GetFiles(first)), StringComparison.Ordinal);

        var second = Path.Combine(directory, "svg-2");
        (exit, console, error) = await RunAsync("--format", "svg", "--page-size", "3", "--after", cursor, "--out", second);

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("continue with", console, StringComparison.Ordinal);
        var sheet = Assert.Single(Directory.GetFiles(second));
        Assert.EndsWith("-0000004.svg", sheet, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(sheet);
        var secondPage = commissioned.Order(StringComparer.Ordinal).Skip(3).ToList();
        Assert.All(secondPage, id => Assert.Contains($">(21){id.Split(":ser:")[1]}</text>", text, StringComparison.Ordinal));
        Assert.Contains("labels 4-5 of 5", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedCursor_ExitsOneWith400NamingAfter()
    {
        var (exit, _, error) = await RunAsync("--after", "forged", "--out", Path.Combine(directory, "none"));
        Assert.Equal(1, exit);
        Assert.Contains("400", error, StringComparison.Ordinal);
        Assert.Contains("after", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownBatch_ExitsOneNamingTheProblem()
    {
        var (exit, _, error) = await RunAsync(["--batch", "NOPE", "--out", Path.Combine(directory, "none")], lot: null);
        Assert.Equal(1, exit);
        Assert.Contains("404", error, StringComparison.Ordinal);
        Assert.Contains("batch NOPE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongKey_ExitsOneWith401()
    {
        var (exit, _, error) = await RunAsync(["--api-key", "tlk_0000000000000000.forged", "--out", Path.Combine(directory, "none")], apiKey: null);
        Assert.Equal(1, exit);
        Assert.Contains("401", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadSymbology_IsAUsageError()
    {
        var (exit, _, _) = await RunAsync("--symbology", "ean13");
        Assert.Equal(CommandLineExit.UsageError, exit);
    }

    private static string Identifier(DecodedCode code)
    {
        if (code.Text.StartsWith("https://", StringComparison.Ordinal))
        {
            Assert.StartsWith("https://id.pharma.test/01/", code.Text, StringComparison.Ordinal);
            var link = DigitalLinkUri.Parse(code.Text);
            Assert.Equal(Lot, link.GetValue("10"));
            return PackIdentifier.ForGtinSerial(link.GetValue("01")!, link.GetValue("21")!);
        }

        var parsed = Gs1Parser.Parse(code.SymbologyIdentifier + code.Text);
        Assert.True(parsed.Success);
        Assert.Equal(Expiry, parsed.GetValue("17"));
        return PackIdentifier.ForGtinSerial(parsed.GetValue("01")!, parsed.GetValue("21")!);
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, Lot, key);

    private async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, string? lot = Lot, string? apiKey = "")
    {
        var root = new RootCommand("test") { LabelsCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] common = ["labels", "--gateway", gateway.Url, "--gtin", GatewayServer.Gtin];
        if (lot is not null)
        {
            common = [.. common, "--batch", lot];
        }

        if (apiKey is not null)
        {
            common = [.. common, "--api-key", apiKey.Length == 0 ? key : apiKey];
        }

        // The command is async inside; run it off the test thread so its awaits do not need this context.
        var exit = await Task.Run(() => CommandLineExit.Run(root, [.. common, .. args], new InvocationConfiguration { Output = output, Error = error }));
        return (exit, output.ToString(), error.ToString());
    }
}
