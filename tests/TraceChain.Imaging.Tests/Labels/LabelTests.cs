using TraceChain.Imaging.Labels;

namespace TraceChain.Imaging.Tests.Labels;

public sealed class LabelTests
{
    [Fact]
    public void Gs1DataMatrix_ElementString_BecomesBracketedZintInputAndOneLinePerAi()
    {
        var label = Label.Gs1DataMatrix("(01)09506000134352(17)261231(10)AB(C)1(21)X");

        Assert.True(label.IsGs1);
        Assert.Equal(LabelSymbology.DataMatrix, label.Symbology);
        Assert.Equal("[01]09506000134352[17]261231[10]AB(C)1[21]X", label.EncoderInput);
        Assert.Equal(["(01)09506000134352", "(17)261231", "(10)AB(C)1", "(21)X"], label.HumanReadableLines);
    }

    [Theory]
    [InlineData("01)09506000134352")]
    [InlineData("(1)09506000134352")]
    [InlineData("(01234)09506000134352")]
    [InlineData("09506000134352")]
    public void Gs1DataMatrix_NotAnElementString_ThrowsFormatException(string input) =>
        Assert.Throws<FormatException>(() => Label.Gs1DataMatrix(input));

    [Theory]
    [InlineData("(01)09506000134352(10)")]
    [InlineData("(01)09506000134352(10)ab[c]")]
    [InlineData("(01)09506000134352(10)über")]
    [InlineData("(01)09506000134352(10)a b")]
    public void Gs1DataMatrix_ValueOutsideCset82OrEmpty_ThrowsArgumentException(string input) =>
        Assert.Throws<ArgumentException>(() => Label.Gs1DataMatrix(input));

    [Fact]
    public void Gs1QrCode_IsGs1Qr()
    {
        var label = Label.Gs1QrCode("(01)09506000134352");
        Assert.Equal(LabelSymbology.QrCode, label.Symbology);
        Assert.True(label.IsGs1);
    }

    [Theory]
    [InlineData("/01/09506000134352")]
    [InlineData("ftp://id.example.com/01/09506000134352")]
    [InlineData("https://id.example.com/01/095060001343 52")]
    public void DigitalLinkQrCode_NotAnAbsoluteHttpUri_Throws(string uri) =>
        Assert.Throws<ArgumentException>(() => Label.DigitalLinkQrCode(uri));

    [Fact]
    public void DigitalLinkQrCode_PrintsTheUri()
    {
        const string uri = "https://id.example.com/01/09506000134352/10/AB1/21/X9?17=261231";
        var label = Label.DigitalLinkQrCode(uri);
        Assert.False(label.IsGs1);
        Assert.Equal(uri, label.EncoderInput);
        Assert.Equal([uri], label.HumanReadableLines);
    }
}
