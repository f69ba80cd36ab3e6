using TraceGateway.Imaging;

namespace TraceGateway.Tests.Labels;

/// <summary>Serials and lots (GS1 CSET 82) become file name parts for the label zip and its download, one rule for both.</summary>
public sealed class LabelFileNameTests
{
    [Theory]
    [InlineData("ABC-123_x.9", "ABC-123_x.9")]
    [InlineData("A/B\\C", "A_B_C")]
    [InlineData("\"*:<>?|%&+", "__________")]
    [InlineData("L'1 2", "L_1_2")]
    public void FileNamePart_KeepsLettersDigitsDashUnderscoreDot_AndReplacesTheRest(string text, string part) =>
        Assert.Equal(part, LabelArchive.FileNamePart(text));
}
