using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Tests.Packets;

/// <summary>
/// Random and mutated input must only ever produce packets or <see cref="MqttProtocolException"/>, and the
/// decoder must always make progress (no hang): every call consumes input, asks for more, or throws.
/// </summary>
public sealed class DecoderFuzzTests
{
    private const int MaxPacketSize = 4096;

    private static readonly byte[][] Seeds =
    [
        .. GoldenPacketTests.Vectors().Select(row => Convert.FromHexString((string)row[1])),
        MqttPacketEncoder.Encode(new PublishPacket("tracechain/s/scanners/x/scan", new byte[200], MqttQualityOfService.AtLeastOnce, PacketId: 300)),
        MqttPacketEncoder.Encode(new ConnectPacket("id", false, 5, new MqttWill("w/t", new byte[] { 1 }), "u", new byte[] { 2 })),
    ];

    [Fact]
    public void RandomBytes_OnlyPacketsOrProtocolErrors()
    {
        var random = new Random(20_260_101);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            if (bytes.Length > 0 && random.Next(2) == 0)
            {
                bytes[0] = (byte)(random.Next(1, 15) << 4 | (bytes[0] & 0x0F)); // valid-looking types more often
            }

            Feed(bytes, random);
        }
    }

    [Fact]
    public void MutatedValidPackets_OnlyPacketsOrProtocolErrors()
    {
        var random = new Random(42);
        for (var i = 0; i < 30_000; i++)
        {
            var bytes = (byte[])Seeds[random.Next(Seeds.Length)].Clone();
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations; m++)
            {
                switch (random.Next(4))
                {
                    case 0:
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                        break;
                    case 2:
                        bytes = bytes[..random.Next(bytes.Length)];
                        break;
                    default:
                        bytes = [.. bytes, .. Enumerable.Range(0, random.Next(1, 8)).Select(_ => (byte)random.Next(256))];
                        break;
                }

                if (bytes.Length == 0)
                {
                    break;
                }
            }

            Feed(bytes, random);
        }
    }

    private static void Feed(byte[] bytes, Random random)
    {
        var decoder = new MqttFrameDecoder(MaxPacketSize);
        try
        {
            var at = 0;
            while (at < bytes.Length)
            {
                var n = Math.Min(random.Next(1, 16), bytes.Length - at);
                decoder.Append(bytes.AsSpan(at, n));
                at += n;
                var guard = 0;
                while (decoder.TryRead(out var packet))
                {
                    Assert.NotNull(packet);
                    Assert.True(++guard <= bytes.Length, "decoder produced more packets than bytes");
                }

                Assert.True(decoder.Buffered <= MaxPacketSize);
            }
        }
        catch (MqttProtocolException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        }
    }
}
