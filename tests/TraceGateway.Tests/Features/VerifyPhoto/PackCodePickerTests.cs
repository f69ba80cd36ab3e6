using System.Text;
using TraceChain.Imaging;
using TraceGateway.Features.VerifyPhoto;

namespace TraceGateway.Tests.Features.VerifyPhoto;

public sealed class PackCodePickerTests
{
    private const string Base = "https://id.pharma.test";
    private const string Gtin = "09506000134352";

    private static DecodedCode Code(string aim, string text, int size, BarcodeFormats format = BarcodeFormats.DataMatrix) =>
        new(format, aim, text, Encoding.ASCII.GetBytes(text), [new(0, 0), new(size, 0), new(size, size), new(0, size)]);

    private static DecodedCode Gs1(string serial, int size) => Code("]d2", $"01{Gtin}21{serial}", size);

    [Fact]
    public void Pick_TwoPacks_TakesTheLargestSymbolAndSaysSeveralPacks()
    {
        var choice = PackCodePicker.Pick([Gs1("SMALL", 50), Gs1("LARGE", 200), Gs1("MEDIUM", 100)], Base);

        Assert.Equal($"(01){Gtin}(21)LARGE", choice.Scan);
        Assert.Equal($"(01){Gtin}(21)LARGE", choice.Shown);
        Assert.Equal([PhotoCheck.SeveralCodes, PhotoCheck.SeveralPacks], choice.Notes);
    }

    [Fact]
    public void Pick_DataMatrixAndDigitalLinkOfOnePack_IsOnePackWithoutWarning()
    {
        var link = Code("]Q1", $"{Base}/01/{Gtin}/21/S1", 300, BarcodeFormats.QrCode);
        var choice = PackCodePicker.Pick([Gs1("S1", 100), link], Base);

        Assert.Equal(link.Text, choice.Scan);
        Assert.Equal([PhotoCheck.SeveralCodes], choice.Notes);
        Assert.Null(choice.Website);
    }

    [Fact]
    public void Pick_ProductBarcodeBesideChinaCode_PrefersTheChinaCode()
    {
        var choice = PackCodePicker.Pick([Code("]E0", "9506000134352", 400, BarcodeFormats.Ean13), Code("]Q1", "81234567890123456789", 50, BarcodeFormats.QrCode)], Base);
        Assert.Equal("81234567890123456789", choice.Scan);
    }

    [Theory]
    [InlineData("]E0", "9506000134352")]
    [InlineData("]d2", "0109506000134352109ABC")]
    [InlineData("]C1", "00095060001343520001")]
    [InlineData("]Q1", "https://www.pharma.test/leaflet")]
    public void Pick_NoPackCode_NamesTheProblem(string aim, string text)
    {
        var choice = PackCodePicker.Pick([Code(aim, text, 100)], Base);
        Assert.Null(choice.Scan);
        Assert.False(string.IsNullOrEmpty(choice.Problem));
    }

    [Fact]
    public void Pick_Gs1128OfTwentyDigits_IsGs1NotAChinaCode()
    {
        var choice = PackCodePicker.Pick([Code("]C1", "01095060001343522112", 100, BarcodeFormats.Code128)], Base);
        Assert.Equal($"(01){Gtin}(21)12", choice.Scan);
    }

    [Fact]
    public void Pick_DigitalLinkOnAnotherDomain_NamesTheWebsite()
    {
        var choice = PackCodePicker.Pick([Code("]Q1", $"https://scan-here.example/01/{Gtin}/21/S1", 100, BarcodeFormats.QrCode)], Base);
        Assert.Equal("scan-here.example", choice.Website);
        Assert.Equal([PhotoCheck.OtherWebsite], choice.Notes);
    }

    [Fact]
    public void Pick_CodeLongerThanAConsumerCheckTakes_IsNotAPackCode()
    {
        var link = Code("]Q1", $"{Base}/01/{Gtin}/21/S1?x=" + new string('a', 1100), 300, BarcodeFormats.QrCode);
        var choice = PackCodePicker.Pick([link], Base);

        Assert.Null(choice.Scan);
        Assert.Contains("longer than 1024 characters", choice.Problem, StringComparison.Ordinal);
    }
}
