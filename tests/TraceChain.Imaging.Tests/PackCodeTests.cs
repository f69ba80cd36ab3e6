namespace TraceChain.Imaging.Tests;

public sealed class PackCodeTests
{
    [Theory]
    [InlineData("950600013435", '2')] // GS1 example GTIN 09506000134352
    [InlineData("0950600013435", '2')]
    [InlineData("400638133393", '1')] // EAN-13 4006381333931
    [InlineData("0000000000000", '0')]
    public void Gs1CheckDigit_KnownGtins_Matches(string body, char expected) =>
        Assert.Equal(expected, PackCode.Gs1CheckDigit(body));
}
