using ScannerAgent.Commands;

namespace ScannerAgent.Tests.Commands;

public sealed class ScanTextDecoderTests
{
    [Theory]
    [InlineData(@"0109506000134352\x1d10ABC")]
    [InlineData(@"0109506000134352\X1D10ABC")]
    [InlineData("0109506000134352<GS>10ABC")]
    [InlineData("0109506000134352<gs>10ABC")]
    [InlineData("0109506000134352{GS}10ABC")]
    [InlineData("0109506000134352\u001D10ABC")]
    public void Decode_EveryGsNotation_BecomesTheGroupSeparator(string typed) =>
        Assert.Equal("0109506000134352\u001D10ABC", ScanTextDecoder.Decode(typed));

    [Fact]
    public void Decode_KeepsALineEndingForTheDiagnosisToSee() =>
        Assert.Equal("0109506000134352\r\n", ScanTextDecoder.Decode("0109506000134352\r\n"));

    [Fact]
    public void Decode_TextWithoutNotation_IsUnchanged() =>
        Assert.Equal("]d2010950600013435217261231", ScanTextDecoder.Decode("]d2010950600013435217261231"));

    [Fact]
    public void Show_WritesGsAsAngleBracketNotation() =>
        Assert.Equal("01X<GS>10A", ScanTextDecoder.Show("01X\u001D10A"));
}
