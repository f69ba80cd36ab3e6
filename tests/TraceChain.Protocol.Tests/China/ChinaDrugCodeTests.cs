using TraceChain.Protocol.China;
using TraceChain.Protocol.Text;

namespace TraceChain.Protocol.Tests.China;

public sealed class ChinaDrugCodeTests
{
    private const string Sample = "81234567890123456789";

    [Fact]
    public void Parse_TwentyDigits_SplitsIntoResourceSerialAndCheck()
    {
        var code = ChinaDrugCode.Parse(Sample);
        Assert.Equal("8123456", code.ProductResourceCode);
        Assert.Equal("789012345", code.SerialNumber);
        Assert.Equal("6789", code.CheckValue);
        Assert.Equal(Sample, code.Canonical);
        Assert.Equal(Sample, code.ToString());
    }

    [Theory]
    [InlineData("]C0" + Sample)]
    [InlineData("]C1" + Sample)]
    [InlineData("  ]C1" + Sample + "\r\n")]
    [InlineData("8123456 789012345 6789")]
    [InlineData("8123456-789012345-6789")]
    [InlineData("８１２３４５６　７８９０１２３４５　６７８９")]
    public void Parse_ScannerPrefixesAndTypedSeparators_GiveTheSameCanonicalCode(string input) =>
        Assert.Equal(ChinaDrugCode.Parse(Sample), ChinaDrugCode.Parse(input));

    [Theory]
    [InlineData("", CodeInputErrorKind.Empty)]
    [InlineData("]C1", CodeInputErrorKind.Empty)]
    [InlineData("8123456789012345678", CodeInputErrorKind.WrongLength)]
    [InlineData("812345678901234567890", CodeInputErrorKind.WrongLength)]
    [InlineData("8123456789O123456789", CodeInputErrorKind.NotADigit)]
    [InlineData("]d2" + Sample, CodeInputErrorKind.NotADigit)] // a DataMatrix prefix is not a Code 128 one
    [InlineData("]C2" + Sample, CodeInputErrorKind.NotADigit)]
    public void TryParse_BadInput_ReportsTheProblem(string input, CodeInputErrorKind expected)
    {
        Assert.False(ChinaDrugCode.TryParse(input, out var code, out var error));
        Assert.Null(code);
        Assert.Equal(expected, error.Kind);
        Assert.Contains("China drug traceability code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_ReportsEmpty()
    {
        Assert.False(ChinaDrugCode.TryParse(null, out _, out var error));
        Assert.Equal(CodeInputErrorKind.Empty, error.Kind);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithTheReason()
    {
        var ex = Assert.Throws<FormatException>(() => ChinaDrugCode.Parse("123"));
        Assert.Contains("must have 20 digits, but 3 were given", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_IsByCanonicalDigits()
    {
        Assert.Equal(ChinaDrugCode.Parse(Sample).GetHashCode(), ChinaDrugCode.Parse("]C0 " + Sample).GetHashCode());
        Assert.NotEqual(ChinaDrugCode.Parse(Sample), ChinaDrugCode.Parse("81234567890123456780"));
    }

    [Fact]
    public void IsValid_MatchesTryParse()
    {
        Assert.True(ChinaDrugCode.IsValid(Sample));
        Assert.False(ChinaDrugCode.IsValid("0106291041500213"));
    }
}
