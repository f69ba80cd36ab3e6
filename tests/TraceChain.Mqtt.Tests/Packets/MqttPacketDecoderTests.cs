using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Tests.Packets;

public sealed class MqttPacketDecoderTests
{
    [Theory]
    [InlineData("00 00", "Reserved packet type 0")]
    [InlineData("F0 00", "Reserved packet type 15")]
    [InlineData("34 07 0003 612F62 0001", "QoS 2 is not supported")]
    [InlineData("34 07 0003 612F62 0001", "PUBLISH")]
    [InlineData("50 02 0001", "PubRec is part of the QoS 2 flow")]
    [InlineData("62 02 0001", "PubRel is part of the QoS 2 flow")]
    [InlineData("70 02 0001", "PubComp is part of the QoS 2 flow")]
    [InlineData("37 07 0003 612F62 0001", "QoS bits are 3")]
    [InlineData("38 05 0003 612F62", "DUP set on a QoS 0 message")]
    [InlineData("30 05 0003 612F2B", "contains a wildcard")]
    [InlineData("30 05 0003 61FF62", "not well-formed UTF-8")]
    [InlineData("30 05 0003 610062", "U+0000")]
    [InlineData("30 05 0005 612F62", "truncated topic name")]
    [InlineData("32 05 0003 612F62", "truncated 16-bit integer")]
    [InlineData("32 07 0003 612F62 0000", "packet id 0")]
    [InlineData("40 03 0001 00", "1 unexpected trailing bytes")]
    [InlineData("40 02 0000", "packet id 0")]
    [InlineData("41 02 0001", "reserved fixed-header flags")]
    [InlineData("80 06 0001 0001 71 00", "reserved fixed-header flags")]
    [InlineData("20 02 02 00", "reserved acknowledge flags")]
    [InlineData("20 02 00 06", "unknown return code 6")]
    [InlineData("90 02 0001", "no return codes")]
    [InlineData("90 03 0001 03", "return code 0x03")]
    [InlineData("82 06 0001 0001 71 03", "requested QoS byte 0x03")]
    [InlineData("82 08 0001 0003 612362 00", "'#' must be a whole level")]
    [InlineData("82 02 0001", "truncated 16-bit integer")]
    [InlineData("C0 01 00", "unexpected trailing bytes")]
    [InlineData("10 0E 0004 4D515454 05 02 003C 0002 6332", "level 5")]
    [InlineData("10 0E 0004 4D515454 04 03 003C 0002 6332", "reserved connect flag")]
    [InlineData("10 0E 0004 4D515454 04 42 003C 0002 6332", "password flag without user name flag")]
    [InlineData("10 0E 0004 4D515454 04 12 003C 0002 6332", "will QoS or retain set without a will")]
    public void Decode_Malformed_ThrowsProtocolErrorNamingTheProblem(string hex, string problem)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
        var error = Assert.Throws<MqttProtocolException>(() => MqttPacketDecoder.TryDecode(bytes, 1024, out _, out _));
        Assert.Contains(problem, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Decode_Oversized_IsRefusedFromTheHeaderAlone()
    {
        // Only the fixed header has arrived: the declared 2 MB must be refused before buffering it.
        var error = Assert.Throws<MqttProtocolException>(() => MqttPacketDecoder.TryDecode([0x30, 0x80, 0x80, 0x80, 0x01], 1 << 20, out _, out _));
        Assert.Contains("exceeds the maximum packet size of 1048576 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Incomplete_AsksForMore()
    {
        var bytes = MqttPacketEncoder.Encode(new PublishPacket("a/b", new byte[300], MqttQualityOfService.AtLeastOnce, PacketId: 9));
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(MqttPacketDecoder.TryDecode(bytes.AsSpan(0, length), 1024, out _, out _));
        }

        Assert.True(MqttPacketDecoder.TryDecode(bytes, 1024, out _, out var consumed));
        Assert.Equal(bytes.Length, consumed);
    }

    [Fact]
    public void Encode_InvalidContent_IsRejectedWithArgumentError()
    {
        Assert.Throws<ArgumentException>(() => MqttPacketEncoder.Encode(new PublishPacket("a/+", default)));
        Assert.Throws<ArgumentException>(() => MqttPacketEncoder.Encode(new PublishPacket("a", default, MqttQualityOfService.AtLeastOnce)));
        Assert.Throws<ArgumentException>(() => MqttPacketEncoder.Encode(new PublishPacket("a", default, MqttQualityOfService.ExactlyOnce, PacketId: 1)));
        Assert.Throws<ArgumentException>(() => MqttPacketEncoder.Encode(new SubscribePacket(1, [])));
        Assert.Throws<ArgumentException>(() => MqttPacketEncoder.Encode(new ConnectPacket("c", true, 0, Password: new byte[] { 1 })));
        Assert.Throws<ArgumentException>(() => MqttPacketEncoder.Encode(new ConnectPacket("c\0", true, 0)));
        Assert.Throws<ArgumentException>(() => MqttPacketEncoder.Encode(new ConnectPacket(new string('x', 70_000), true, 0)));
    }
}
