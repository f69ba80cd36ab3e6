using TraceChain.Protocol.Hops;
using TraceLedger.Packs;

namespace TraceLedger.Tests.Packs;

public sealed class PackScanTests
{
    private const string ChinaSample = "81234567890123456789";

    [Theory]
    [InlineData(ChinaSample)]
    [InlineData("]C0" + ChinaSample)]
    [InlineData("]C1" + ChinaSample)] // a GS1 identifier on data that is not GS1 still reads as the China code
    [InlineData("8123456 789012345 6789")]
    public void ToRequest_ChinaCode_IdentifiesTheChinaPack(string scan) =>
        Assert.Equal(PackIdentifier.ForChinaCode(ChinaSample), PackScan.ToRequest(scan).Identifier);

    [Fact]
    public void ToRequest_TwentyDigitsOfGs1128WithGtinAndSerial_IsTheGs1Pack()
    {
        // (01) + 14 digits + (21) + 2 digits: 20 digits that would also pass as a China code.
        var request = PackScan.ToRequest("]C101095060001343522112");

        Assert.Equal(PackIdentifier.ForGtinSerial("09506000134352", "12"), request.Identifier);
    }

    [Fact]
    public void ToRequest_TwentyDigitSscc_IsRefusedAsNotAPack()
    {
        // (00) + 18 digits: a logistic unit scanned from GS1-128, not a China drug code.
        var error = Assert.Throws<PackRequestException>(() => PackScan.ToRequest("]C100395011010013000129"));

        Assert.Contains("does not identify a pack", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRequest_InvalidGs1_NamesTheGs1Problem()
    {
        var error = Assert.Throws<PackRequestException>(() => PackScan.ToRequest("]d2010950600013435"));

        Assert.StartsWith("GS1 code: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRequest_OfParsedGs1_IsTheSameRequestAsOfItsText_AndRefusesAFailedParse()
    {
        const string scan = "]d2010950600013435217301231" + "10B1\u001d21S1";
        var parsed = TraceChain.Protocol.Gs1.Gs1Parser.Parse(scan);

        Assert.Equal(PackScan.ToRequest(scan), PackScan.ToRequest(parsed));
        var error = Assert.Throws<PackRequestException>(() => PackScan.ToRequest(TraceChain.Protocol.Gs1.Gs1Parser.Parse("]d2010950600013435")));
        Assert.StartsWith("GS1 code: ", error.Message, StringComparison.Ordinal);
    }
}
