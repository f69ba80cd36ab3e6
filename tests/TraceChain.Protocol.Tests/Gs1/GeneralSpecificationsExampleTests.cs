using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Tests.Gs1;

/// <summary>Element strings used as examples in the GS1 General Specifications and GS1 Digital Link standard.</summary>
public sealed class GeneralSpecificationsExampleTests
{
    private const string Gs = "\u001d";
    private static readonly Gs1ParseOptions Options = new() { TimeProvider = FixedClock.Year2026 };

    [Theory]
    // Two predefined-length AIs concatenated without FNC1 (GTIN + net weight).
    [InlineData("]C10195012345678903" + "3103000123", "(01)95012345678903(3103)000123")]
    // SSCC of a logistic unit.
    [InlineData("]C100395011010013000129", "(00)395011010013000129")]
    // Payment slip: GLN pay-to, amount in currency 710 and the reference number.
    [InlineData("]C14155412345678908" + "3911710125" + Gs + "80201234", "(415)5412345678908(3911)710125(8020)1234")]
    // GS1 Digital Link example GTIN with batch, serial and expiry.
    [InlineData("]Q30109520123456788" + "10ABC1" + Gs + "2112345" + Gs + "17180426", "(01)09520123456788(10)ABC1(21)12345(17)180426")]
    // Trade item in GS1-128 with best-before date and batch last (no trailing FNC1).
    [InlineData("]C10110012345678902" + "15050228" + "10A1B2", "(01)10012345678902(15)050228(10)A1B2")]
    // GTIN-12 padded to 14 digits with a serial.
    [InlineData("]d20100012345600012" + "21SN1", "(01)00012345600012(21)SN1")]
    public void Parse_PublishedExample_GivesBracketedForm(string scan, string hri)
    {
        var result = Gs1Parser.Parse(scan, Options);
        Assert.True(result.Success, result.ToString());
        Assert.Equal(hri, result.HumanReadable);
        Assert.Equal(scan[3..], result.ElementString);
        Assert.Equal(scan[3..], Gs1Parser.Parse(hri, Options).ElementString);
    }

    [Fact]
    public void Parse_VariableLengthAiLast_NeedsNoSeparator()
    {
        var result = Gs1Parser.Parse("0195012345678903" + "10ABC", Options);
        Assert.True(result.Success);
        Assert.DoesNotContain(Gs, result.ElementString, StringComparison.Ordinal);
    }

    [Fact]
    public void ElementString_FixedLengthButNotPredefined_StillGetsSeparator()
    {
        // AI 422 is always three digits but its prefix 42 is not in the predefined-length table.
        var result = Gs1Parser.Parse("(01)95012345678903(422)250(10)ABC", Options);
        Assert.True(result.Success, result.ToString());
        Assert.Equal("0195012345678903" + "422250" + Gs + "10ABC", result.ElementString);
    }
}
