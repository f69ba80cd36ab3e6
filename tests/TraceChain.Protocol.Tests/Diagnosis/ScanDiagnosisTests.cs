using TraceChain.Protocol.Diagnosis;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Tests.Gs1;

namespace TraceChain.Protocol.Tests.Diagnosis;

public sealed class ScanDiagnosisTests
{
    private const string Gs = "\u001d";
    private const string Pack = "010950600013435217261231" + "10ABC123" + Gs + "21XYZ789";
    private const string PackHri = "(01)09506000134352(17)261231(10)ABC123(21)XYZ789";
    private static readonly Gs1ParseOptions Options = new() { TimeProvider = FixedClock.Year2026 };

    private static IReadOnlyList<ScanFinding> Diagnose(string raw) => ScanDiagnosis.Diagnose(raw, Options);

    private static ScanFinding Top(string raw)
    {
        var findings = Diagnose(raw);
        Assert.NotEmpty(findings);
        return findings[0];
    }

    [Fact]
    public void Diagnose_CleanScanWithAim_HasNoFindings() => Assert.Empty(Diagnose("]d2" + Pack));

    [Fact]
    public void Diagnose_DroppedGs_SerialOverflowsBatch_ReportsSeparatorsDroppedWithRepair()
    {
        var top = Top("]d2010950600013435217261231" + "10ABC123" + "21XYZ78901234567");
        Assert.Equal(ScanFindingCode.SeparatorsDropped, top.Code);
        Assert.Equal("(01)09506000134352(17)261231(10)ABC123(21)XYZ78901234567", top.Repaired!.HumanReadable);
        Assert.Equal("]d2010950600013435217261231" + "10ABC123" + Gs + "21XYZ78901234567", top.RepairedInput);
        Assert.Contains("AI (10)", top.Message, StringComparison.Ordinal);
        Assert.Contains("0x1D", top.Fix, StringComparison.Ordinal);
        Assert.True(top.Confidence >= 0.8);
    }

    [Fact]
    public void Diagnose_DroppedGs_ValidButSerialSwallowed_ReportsLowConfidenceSuspicion()
    {
        var raw = "]d2010950600013435217261231" + "10ABC123" + "21XYZ789";
        Assert.True(Gs1Parser.Parse(raw, Options).Success);
        var top = Top(raw);
        Assert.Equal(ScanFindingCode.SeparatorsDropped, top.Code);
        Assert.Equal(PackHri, top.Repaired!.HumanReadable);
        Assert.True(top.Confidence < 0.5);
    }

    [Fact]
    public void Diagnose_DroppedGs_TwoVariableFields_RestoresBoth()
    {
        var top = Top("]d20109506000134352" + "10ABC123" + "7101234567" + "21SERIAL0000000000001");
        Assert.Equal(ScanFindingCode.SeparatorsDropped, top.Code);
        Assert.Equal("(01)09506000134352(10)ABC123(710)1234567(21)SERIAL0000000000001", top.Repaired!.HumanReadable);
    }

    [Theory]
    [InlineData("~")]
    [InlineData("<GS>")]
    [InlineData("|")]
    [InlineData("\u241d")]
    public void Diagnose_SeparatorStandIn_ReportsSubstitution(string standIn)
    {
        var top = Top("]d2" + Pack.Replace(Gs, standIn, StringComparison.Ordinal));
        Assert.Equal(ScanFindingCode.SeparatorSubstituted, top.Code);
        Assert.Equal(PackHri, top.Repaired!.HumanReadable);
        Assert.Contains(standIn, top.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_AzertyLayout_UndoesDigitRowAndLetterSwaps()
    {
        var top = Top(KeyboardMangler.Azerty("]d2" + Pack));
        Assert.Equal(ScanFindingCode.KeyboardLayoutAzerty, top.Code);
        Assert.Equal(PackHri, top.Repaired!.HumanReadable);
        Assert.Contains("AZERTY", top.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_AzertyLayoutAndDroppedGs_ReportsBoth()
    {
        var raw = KeyboardMangler.Azerty("]d2010950600013435217261231" + "10ABC123" + "21XYZ78901234567");
        var codes = Diagnose(raw).Select(f => f.Code).ToList();
        Assert.Contains(ScanFindingCode.KeyboardLayoutAzerty, codes);
        Assert.Contains(ScanFindingCode.SeparatorsDropped, codes);
        Assert.Equal("(01)09506000134352(17)261231(10)ABC123(21)XYZ78901234567", Diagnose(raw)[0].Repaired!.HumanReadable);
    }

    [Fact]
    public void Diagnose_QwertzLayout_SwapsYAndZBack()
    {
        var meant = "]d2010950600013435217261231" + "10LOTYZ" + Gs + "21ZZY123";
        var top = Top(KeyboardMangler.Qwertz(meant));
        Assert.Equal(ScanFindingCode.KeyboardLayoutQwertz, top.Code);
        Assert.Equal("ZZY123", top.Repaired!.GetValue("21"));
        Assert.Equal("LOTYZ", top.Repaired.GetValue("10"));
    }

    [Fact]
    public void Diagnose_CapsLock_InvertsCaseBack()
    {
        var top = Top("]D2010950600013435217261231" + "10abc123" + Gs + "21xyz789");
        Assert.Equal(ScanFindingCode.CapsLock, top.Code);
        Assert.Equal(PackHri, top.Repaired!.HumanReadable);
    }

    [Fact]
    public void Diagnose_ForcedUpperCase_ReportsCaseConversion()
    {
        var top = Top("]D2010950600013435217261231" + "10ABC123" + Gs + "21XYZ789");
        Assert.Equal(ScanFindingCode.CaseConverted, top.Code);
        Assert.Contains("case", top.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\t")]
    public void Diagnose_LineEndingLeftIn_StripsIt(string suffix)
    {
        var top = Top("]d2" + Pack + suffix);
        Assert.Equal(ScanFindingCode.LineEndingLeftIn, top.Code);
        Assert.Equal(PackHri, top.Repaired!.HumanReadable);
        Assert.True(top.Confidence > 0.9);
    }

    [Fact]
    public void Diagnose_LineEndingAndHiddenSerial_ReportsBoth()
    {
        var codes = Diagnose("]d2010950600013435217261231" + "10ABC123" + "21XYZ789\r\n").Select(f => f.Code).ToList();
        Assert.Equal(ScanFindingCode.LineEndingLeftIn, codes[0]);
        Assert.Contains(ScanFindingCode.SeparatorsDropped, codes);
    }

    [Fact]
    public void Diagnose_AimWithoutBracket_RestoresIt()
    {
        var top = Top("d2" + Pack);
        Assert.Equal(ScanFindingCode.AimMissing, top.Code);
        Assert.Equal(Symbology.DataMatrix, top.Repaired!.Symbology);
    }

    [Fact]
    public void Diagnose_ValidScanWithoutAim_SuggestsEnablingAim()
    {
        var findings = Diagnose(Pack);
        var finding = Assert.Single(findings);
        Assert.Equal(ScanFindingCode.AimMissing, finding.Code);
        Assert.Contains("AIM", finding.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("]d1")]
    [InlineData("]Q1")]
    [InlineData("]X0")]
    public void Diagnose_UnexpectedAim_ReportsItAndReadsData(string aim)
    {
        var findings = Diagnose(aim + Pack);
        Assert.Equal(ScanFindingCode.AimUnexpected, findings[0].Code);
        Assert.Equal(PackHri, findings[0].Repaired!.HumanReadable);
        Assert.DoesNotContain(findings, f => f.Code == ScanFindingCode.AimMissing);
    }

    [Fact]
    public void Diagnose_WrongCheckDigit_ReportsInvalidCode()
    {
        var top = Top("]d2010950600013435317261231" + "10ABC123" + Gs + "21XYZ789");
        Assert.Equal(ScanFindingCode.CodeInvalid, top.Code);
        Assert.Null(top.Repaired);
        Assert.Contains("check digit", top.Message, StringComparison.Ordinal);
        Assert.Contains("counterfeit", top.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_Findings_AreOrderedByConfidence()
    {
        var findings = Diagnose("]D2010950600013435217261231" + "10abc123" + Gs + "21xyz789");
        Assert.True(findings.Count > 1);
        Assert.Equal(findings.OrderByDescending(f => f.Confidence).Select(f => f.Code), findings.Select(f => f.Code));
    }

    [Fact]
    public void Diagnose_EveryRepairedParse_IsValid()
    {
        string[] scans =
        [
            "]d2010950600013435217261231" + "10ABC123" + "21XYZ78901234567",
            KeyboardMangler.Azerty("]d2" + Pack), "]d2" + Pack + "\r\n", "d2" + Pack, "]d1" + Pack,
        ];
        foreach (var finding in scans.SelectMany(Diagnose))
        {
            Assert.True(finding.Repaired is null || finding.Repaired.Success, finding.ToString());
        }
    }

    [Fact]
    public void Diagnose_PalletLabelWithDroppedGs_SplitsCountFromBatch()
    {
        var top = Top("]C100106141411234567897" + "0209506000134352" + "3712" + "10LOT7");
        Assert.Equal(ScanFindingCode.SeparatorsDropped, top.Code);
        Assert.Equal("(00)106141411234567897(02)09506000134352(37)12(10)LOT7", top.Repaired!.HumanReadable);
        Assert.Equal(Gs1IdentifierKind.Sscc, top.Repaired.Identifier!.Kind);
    }

    [Fact]
    public void Diagnose_CrLfAndDroppedGs_OnInvalidScan_RepairsBoth()
    {
        var findings = Diagnose("]d2010950600013435217261231" + "10ABC123" + "21XYZ78901234567\r\n");
        Assert.Contains(findings, f => f.Code == ScanFindingCode.LineEndingLeftIn);
        Assert.Contains(findings, f => f.Code == ScanFindingCode.SeparatorsDropped);
        Assert.Equal("(01)09506000134352(17)261231(10)ABC123(21)XYZ78901234567", findings[0].Repaired!.HumanReadable);
    }
}
