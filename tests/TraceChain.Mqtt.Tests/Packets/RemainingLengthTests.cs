using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Tests.Packets;

public sealed class RemainingLengthTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "8001")]
    [InlineData(16_383, "FF7F")]
    [InlineData(16_384, "808001")]
    [InlineData(2_097_151, "FFFF7F")]
    [InlineData(2_097_152, "80808001")]
    [InlineData(268_435_455, "FFFFFF7F")]
    public void Write_SpecBoundaries_MatchTable(int value, string hex)
    {
        var buffer = new byte[4];
        var n = RemainingLength.Write(value, buffer);
        Assert.Equal(hex, Convert.ToHexString(buffer, 0, n));
        Assert.True(RemainingLength.TryRead(buffer.AsSpan(0, n), out var read, out var used));
        Assert.Equal((value, n), (read, used));
    }

    [Fact]
    public void Read_FifthByte_IsProtocolError()
    {
        var error = Assert.Throws<MqttProtocolException>(() => RemainingLength.TryRead([0xFF, 0xFF, 0xFF, 0xFF, 0x01], out _, out _));
        Assert.Contains("more than 4 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Incomplete_AsksForMore() => Assert.False(RemainingLength.TryRead([0x80, 0x80], out _, out _));

    [Fact]
    public void Size_AboveMaximum_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RemainingLength.SizeOf(RemainingLength.Max + 1));
}
