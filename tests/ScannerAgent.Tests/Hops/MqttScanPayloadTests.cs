using System.Text;
using ScannerAgent.Hops;
using ScannerAgent.Tests.Support;

namespace ScannerAgent.Tests.Hops;

public sealed class MqttScanPayloadTests
{
    [Fact]
    public void Decode_RawScan_KeepsAimPrefixAndGs()
    {
        var (scan, problem) = MqttScanPayload.Decode(Encoding.UTF8.GetBytes(TestCodes.Pack("P1")));
        Assert.Null(problem);
        Assert.Equal(TestCodes.Pack("P1"), scan);
    }

    [Fact]
    public void Decode_JsonRaw_UnescapesGs()
    {
        var (scan, problem) = MqttScanPayload.Decode("""{"raw":"]d20109506000134352\u001d21X"}"""u8);
        Assert.Null(problem);
        Assert.Equal("]d20109506000134352\u001d21X", scan);
    }

    [Theory]
    [InlineData("", "empty payload")]
    [InlineData("{\"raw\":", "not valid JSON")]
    [InlineData("{\"scan\":\"x\"}", "no non-empty string property \"raw\"")]
    [InlineData("{\"raw\":5}", "no non-empty string property \"raw\"")]
    public void Decode_BadPayload_NamesTheProblem(string payload, string expected)
    {
        var (scan, problem) = MqttScanPayload.Decode(Encoding.UTF8.GetBytes(payload));
        Assert.Null(scan);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"raw\":\"]d2X\",\"ts\":\"2026-11-22T20:00:00Z\"}", true)]
    [InlineData(" {\"raw\":\"]d2X\",\"ts\":\"2026-11-22T20:00:00Z\",\"seq\":17}", true)]
    [InlineData(" {\"raw\":\"]d2X\",\"seq\":17}", false)] // a seq starts again after a reboot: not an identity
    [InlineData("{\"raw\":\"]d2X\",\"seq\":\"a-17\"}", false)]
    [InlineData("{\"raw\":\"]d2X\"}", false)]
    [InlineData("{\"raw\":\"]d2X\",\"ts\":\"\"}", false)]
    [InlineData("{\"raw\":\"]d2X\",\"ts\":5}", false)]
    [InlineData("]d2{\"ts\":\"x\"}", false)]
    [InlineData("{\"ts\":", false)]
    [InlineData("", false)]
    public void IdentifiesScan_OnlyJsonWithTs(string payload, bool expected) =>
        Assert.Equal(expected, MqttScanPayload.IdentifiesScan(Encoding.UTF8.GetBytes(payload)));

    [Fact]
    public void Decode_InvalidUtf8_IsAProblemNotACrash()
    {
        var (scan, problem) = MqttScanPayload.Decode(new byte[] { 0x5D, 0xFF, 0xFE });
        Assert.Null(scan);
        Assert.Equal("payload is not valid UTF-8", problem);
    }
}
