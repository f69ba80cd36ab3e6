using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Tests.Packets;

public sealed class MqttFrameDecoderTests
{
    private static readonly MqttPacket[] Stream =
    [
        new ConnAckPacket(true, MqttConnectReturnCode.Accepted),
        new PublishPacket("tracechain/site1/scanners/sc-1/scan", new byte[5000], MqttQualityOfService.AtLeastOnce, PacketId: 7),
        new SubAckPacket(3, [1, SubAckPacket.Failure]),
        PingRespPacket.Instance,
        new PublishPacket("t", "x"u8.ToArray(), Retain: true),
        new PubAckPacket(7),
        new PublishPacket("big", new byte[20_000], MqttQualityOfService.AtLeastOnce, Duplicate: true, PacketId: 65535),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void Read_FramesSplitAcrossChunks_YieldsEveryPacketInOrder(int chunk)
    {
        var bytes = Stream.SelectMany(MqttPacketEncoder.Encode).ToArray();
        var decoder = new MqttFrameDecoder(64 * 1024);
        var packets = new List<MqttPacket>();
        for (var at = 0; at < bytes.Length; at += chunk)
        {
            decoder.Append(bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at)));
            while (decoder.TryRead(out var packet))
            {
                packets.Add(packet);
            }
        }

        Assert.Equal(Stream.Select(PacketText.Of), packets.Select(PacketText.Of));
        Assert.Equal(0, decoder.Buffered);
    }

    [Fact]
    public void Read_ThroughGetMemory_HandlesPacketsLargerThanTheInitialBuffer()
    {
        var bytes = MqttPacketEncoder.Encode(new PublishPacket("big", new byte[50_000], MqttQualityOfService.AtLeastOnce, PacketId: 1));
        var decoder = new MqttFrameDecoder(64 * 1024);
        var at = 0;
        MqttPacket? packet = null;
        while (at < bytes.Length)
        {
            var memory = decoder.GetMemory();
            var n = Math.Min(memory.Length, bytes.Length - at);
            bytes.AsSpan(at, n).CopyTo(memory.Span);
            decoder.Advance(n);
            at += n;
            if (decoder.TryRead(out packet))
            {
                break;
            }
        }

        Assert.Equal(bytes.Length, at);
        Assert.Equal(50_000, Assert.IsType<PublishPacket>(packet).Payload.Length);
    }

    [Fact]
    public void Append_OversizedHeader_FailsBeforeBufferingThePayload()
    {
        var decoder = new MqttFrameDecoder(1024);
        var error = Assert.Throws<MqttProtocolException>(() => decoder.Append([0x30, 0xFF, 0x7F]));
        Assert.Contains("exceeds the maximum packet size", error.Message, StringComparison.Ordinal);
    }
}
