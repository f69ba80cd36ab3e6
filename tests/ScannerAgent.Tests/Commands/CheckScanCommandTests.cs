using System.CommandLine;
using System.Text.Json;
using ScannerAgent.Commands;

namespace ScannerAgent.Tests.Commands;

public sealed class CheckScanCommandTests
{
    private const string ValidScan = @"]d2010950600013435217261231\x1d10ABC<GS>21123";
    private const string DroppedGsScan = "]d2010950600013435210ABCDEFGHIJKLMNOP2112345678";

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand("test") { CheckScanCommand.Create(new FixedClock()) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CommandLineExit.Run(root, ["check-scan", .. args], new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static JsonElement RunJson(params string[] args)
    {
        var (_, output, _) = Run(["--json", .. args]);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // one JSON object, one line
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void ValidScan_PrintsAisHriDigitalLinkAndIdentifier_ExitsZero()
    {
        var (exit, output, _) = Run(ValidScan);
        Assert.Equal(0, exit);
        Assert.Contains("Valid GS1 scan (DataMatrix, ]d2)", output, StringComparison.Ordinal);
        Assert.Contains("(21) SERIAL", output, StringComparison.Ordinal);
        Assert.Contains("HRI             (01)09506000134352(17)261231(10)ABC(21)123", output, StringComparison.Ordinal);
        Assert.Contains("Digital Link    https://id.tracechain.example/01/09506000134352/10/ABC/21/123?17=261231", output, StringComparison.Ordinal);
        Assert.Contains("identifier      010950600013435221123 (GtinSerial)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("]d2010950600013435217261231{GS}10ABC{gs}21123")]
    [InlineData("]d2010950600013435217261231\u001D10ABC\u001D21123")]
    public void EveryGsNotation_GivesTheSameReport(string scan) => Assert.Equal(Run(ValidScan).Output, Run(scan).Output);

    [Fact]
    public void DroppedSeparators_PrintsDiagnosisWithFixAndRepair_ExitsOne()
    {
        var (exit, output, _) = Run(DroppedGsScan);
        Assert.Equal(1, exit);
        Assert.Contains("INVALID GS1 scan", output, StringComparison.Ordinal);
        Assert.Contains("1. SeparatorsDropped", output, StringComparison.Ordinal);
        Assert.Contains("Fix: Your scanner drops the GS (FNC1) separators", output, StringComparison.Ordinal);
        Assert.Contains("Repaired: (01)09506000134352(10)ABCDEFGHIJKLMNOP(21)12345678", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ChinaCode_PrintsItsParts_ExitsZero()
    {
        var (exit, output, _) = Run("]C1 8123456-789012345-6789");
        Assert.Equal(0, exit);
        Assert.Contains("Valid China drug traceability code (Code128, ]C1)", output, StringComparison.Ordinal);
        Assert.Contains("product code    8123456", output, StringComparison.Ordinal);
        Assert.Contains("serial number   789012345", output, StringComparison.Ordinal);
        Assert.Contains("identifier      81234567890123456789 (ChinaDrugCode)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ChinaCodeWithWrongLength_IsInvalid_ExitsOne()
    {
        var (exit, output, _) = Run("]C0812345678901234567");
        Assert.Equal(1, exit);
        Assert.Contains("must have 20 digits, but 18 were given", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ValidScan_HasEveryField()
    {
        var json = RunJson(ValidScan);
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("gs1", json.GetProperty("kind").GetString());
        Assert.Equal("]d2010950600013435217261231<GS>10ABC<GS>21123", json.GetProperty("input").GetString());
        Assert.Equal("]d2", json.GetProperty("aim").GetString());
        Assert.Equal("DataMatrix", json.GetProperty("symbology").GetString());
        Assert.Equal(4, json.GetProperty("elements").GetArrayLength());
        Assert.Equal("GTIN", json.GetProperty("elements")[0].GetProperty("title").GetString());
        Assert.Equal("(01)09506000134352(17)261231(10)ABC(21)123", json.GetProperty("hri").GetString());
        Assert.Equal("01095060001343521726123110ABC<GS>21123", json.GetProperty("elementString").GetString());
        Assert.Equal("https://id.tracechain.example/01/09506000134352/10/ABC/21/123?17=261231", json.GetProperty("digitalLink").GetString());
        Assert.Equal("GtinSerial", json.GetProperty("identifier").GetProperty("kind").GetString());
        Assert.Equal("123", json.GetProperty("identifier").GetProperty("serial").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("chinaDrugCode").ValueKind);
        Assert.Equal(0, json.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Json_InvalidScan_HasErrorAndFindingWithRepairedDigitalLink()
    {
        var json = RunJson(DroppedGsScan);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal("ValueTooLong", json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("10", json.GetProperty("error").GetProperty("ai").GetString());
        var finding = json.GetProperty("findings")[0];
        Assert.Equal("SeparatorsDropped", finding.GetProperty("code").GetString());
        Assert.InRange(finding.GetProperty("confidence").GetDouble(), 0.5, 1.0);
        Assert.StartsWith("Your scanner drops", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            "https://id.tracechain.example/01/09506000134352/10/ABCDEFGHIJKLMNOP/21/12345678",
            finding.GetProperty("repairedDigitalLink").GetString());
    }

    [Fact]
    public void Json_ChinaCode_HasItsParts()
    {
        var json = RunJson("８１２３４５６７８９０１２３４５６７８９");
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("chinaDrugCode", json.GetProperty("kind").GetString());
        Assert.Equal("8123456", json.GetProperty("chinaDrugCode").GetProperty("productResourceCode").GetString());
        Assert.Equal("6789", json.GetProperty("chinaDrugCode").GetProperty("checkValue").GetString());
        Assert.Equal("81234567890123456789", json.GetProperty("identifier").GetProperty("key").GetString());
    }

    [Fact]
    public void DigitalLinkInput_IsReadAndWrittenOnTheConfiguredDomain()
    {
        var json = RunJson("--domain", "https://id.example.org/stem/", "https://example.com/01/09506000134352/10/ABC?17=261231&linkType=all");
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("digitalLink", json.GetProperty("kind").GetString());
        Assert.Equal("https://id.example.org/stem/01/09506000134352/10/ABC?17=261231", json.GetProperty("digitalLink").GetString());
        Assert.Equal("(01)09506000134352(10)ABC(17)261231", json.GetProperty("hri").GetString());
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("linkType", StringComparison.Ordinal));
    }

    [Fact]
    public void DigitalLinkFromQrScanner_WithAimPrefix_IsRead()
    {
        var (exit, output, _) = Run("]Q1https://example.com/01/09506000134352/21/XYZ");
        Assert.Equal(0, exit);
        Assert.Contains("Valid GS1 Digital Link (QrCode, ]Q1)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidDigitalLink_NamesTheProblem_ExitsOne()
    {
        var (exit, output, _) = Run("Https://example.com/01/09506000134352");
        Assert.Equal(1, exit);
        Assert.Contains("mixes upper and lower case", output, StringComparison.Ordinal);
        Assert.Equal("BelongsInPath", RunJson("https://example.com/01/09506000134352?21=1").GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void ValidScanWithoutAim_IsValidWithASetupNote()
    {
        var (exit, output, _) = Run("0109506000134352");
        Assert.Equal(0, exit);
        Assert.Contains("Scanner setup notes:", output, StringComparison.Ordinal);
        Assert.Contains("AimMissing", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingScan_IsAUsageError_ExitsTwo()
    {
        var (exit, _, error) = Run();
        Assert.Equal(2, exit);
        Assert.Contains("Required argument missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDomain_IsAUsageError_ExitsTwo()
    {
        var (exit, _, error) = Run("--domain", "ftp://id.example.org", ValidScan);
        Assert.Equal(2, exit);
        Assert.Contains("--domain: The scheme 'ftp' is not allowed", error, StringComparison.Ordinal);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    }
}
