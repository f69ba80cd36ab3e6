using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Tests.Gs1;

public sealed class CheckDigitTests
{
    // Examples from the GS1 General Specifications and GS1 example labels.
    [Theory]
    [InlineData("09506000134352")]
    [InlineData("9506000134352")]
    [InlineData("96385074")]
    [InlineData("614141000036")]
    [InlineData("00012345600012")]
    [InlineData("106141411234567897")]
    [InlineData("376104250021234569")]
    [InlineData("4012345000009")]
    [InlineData("5412345000013")]
    public void IsValid_PublishedGs1Keys_AreAccepted(string key) => Assert.True(CheckDigit.IsValid(key));

    [Theory]
    [InlineData("09506000134353")]
    [InlineData("106141411234567890")]
    [InlineData("0950600013435A")]
    [InlineData("")]
    [InlineData("5")]
    public void IsValid_WrongOrMalformedKeys_AreRejected(string key) => Assert.False(CheckDigit.IsValid(key));

    [Fact]
    public void Compute_Gtin13Body_GivesPublishedCheckDigit() => Assert.Equal(2, CheckDigit.Compute("950600013435"));

    [Fact]
    public void Compute_NonDigit_Throws() => Assert.Throws<FormatException>(() => CheckDigit.Compute("12A"));

    [Fact]
    public void Append_AddsCheckDigit() => Assert.Equal("09506000134352", CheckDigit.Append("0950600013435"));

    [Theory]
    [InlineData("96385074", true)]
    [InlineData("614141000036", true)]
    [InlineData("9506000134352", true)]
    [InlineData("09506000134352", true)]
    [InlineData("950600013435", false)]
    [InlineData("123456789012345", false)]
    public void IsValidGtin_AcceptsOnlyGtinLengths(string gtin, bool valid) => Assert.Equal(valid, CheckDigit.IsValidGtin(gtin));

    [Fact]
    public void IsValidSsccAndGln_CheckLengthAndDigit()
    {
        Assert.True(CheckDigit.IsValidSscc("106141411234567897"));
        Assert.False(CheckDigit.IsValidSscc("06141411234567897"));
        Assert.True(CheckDigit.IsValidGln("4012345000009"));
        Assert.False(CheckDigit.IsValidGln("4012345000008"));
    }

    [Theory]
    [InlineData("96385074", "00000096385074")]
    [InlineData("614141000036", "00614141000036")]
    [InlineData("9506000134352", "09506000134352")]
    public void Gtin_TryNormalize_PadsToFourteenDigits(string gtin, string expected)
    {
        Assert.True(Gtin.TryNormalize(gtin, out var normalized));
        Assert.Equal(expected, normalized);
    }
}
