using TraceChain.Protocol.Hops;

namespace TraceChain.Protocol.Tests.Hops;

public sealed class PackIdentifierTests
{
    [Theory]
    [InlineData("9506000134352", "gtin:09506000134352:ser:ABC")]
    [InlineData("09506000134352", "gtin:09506000134352:ser:ABC")]
    public void ForGtinSerial_PadsToFourteenDigits(string gtin, string expected)
    {
        Assert.Equal(expected, PackIdentifier.ForGtinSerial(gtin, "ABC"));
    }

    [Fact]
    public void ForSsccAndChina_GiveCanonicalForms()
    {
        Assert.Equal("sscc:006951234500000001", PackIdentifier.ForSscc("006951234500000001"));
        Assert.Equal("cn:81234567890123456789", PackIdentifier.ForChinaCode("81234567890123456789"));
        Assert.True(PackIdentifier.IsSscc("sscc:006951234500000001"));
        Assert.False(PackIdentifier.IsSscc("cn:81234567890123456789"));
    }

    [Theory]
    [InlineData(null, "identifier is empty")]
    [InlineData("gtin:0950600013435:ser:A", "GTIN must be 14 digits")]
    [InlineData("gtin:09506000134353:ser:A", "GTIN check digit is wrong")]
    [InlineData("gtin:09506000134352:lot:A", "expected ':ser:'")]
    [InlineData("gtin:09506000134352:ser:", "serial must be 1-20 characters")]
    [InlineData("gtin:09506000134352:ser:123456789012345678901", "serial must be 1-20 characters")]
    [InlineData("gtin:09506000134352:ser:A B", "serial character ' ' is not in GS1 CSET 82")]
    [InlineData("gtin:09506000134352:ser:A#", "serial character '#'")]
    [InlineData("sscc:006951234500000002", "SSCC check digit is wrong")]
    [InlineData("sscc:00695123450000000", "SSCC must be 18 digits")]
    [InlineData("cn:8123456789012345678", "must be 20 digits")]
    [InlineData("GTIN:09506000134352:ser:A", "unknown identifier scheme")]
    public void Problem_NonCanonical_NamesWhatIsWrong(string? identifier, string problem)
    {
        Assert.Contains(problem, PackIdentifier.Problem(identifier), StringComparison.Ordinal);
    }

    [Fact]
    public void ForGtinSerial_BadInput_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => PackIdentifier.ForGtinSerial("123", "A"));
        Assert.Throws<FormatException>(() => PackIdentifier.ForGtinSerial("09506000134353", "A"));
    }
}
