using System.Text;
using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Tests.Packets;

public sealed class GoldenPacketTests
{
    private static readonly Dictionary<string, MqttPacket> Expected = new()
    {
        ["connect-will-auth"] = new ConnectPacket("scanner-7", true, 30, new MqttWill("tracechain/site1/alerts", Bytes("offline"), MqttQualityOfService.AtLeastOnce, Retain: true), "agent", Bytes("s3cret")),
        ["publish-qos1"] = new PublishPacket("tracechain/site1/scanners/sc-7/scan", Bytes("]d2010950"), MqttQualityOfService.AtLeastOnce, PacketId: 1),
        ["connect-clean"] = new ConnectPacket("c2", true, 60),
        ["publish-qos0-retain"] = new PublishPacket("a/b", Bytes("hi"), Retain: true),
        ["disconnect"] = DisconnectPacket.Instance,
        ["connect-persistent"] = new ConnectPacket("s1", false, 10),
        ["subscribe-two-filters"] = new SubscribePacket(1, [new MqttTopicFilter("a/+/c"), new MqttTopicFilter("x/#")]),
        ["subscribe-qos0"] = new SubscribePacket(1, [new MqttTopicFilter("q", MqttQualityOfService.AtMostOnce)]),
        ["unsubscribe"] = new UnsubscribePacket(2, ["old/#"]),
        ["connack-accepted"] = new ConnAckPacket(false, MqttConnectReturnCode.Accepted),
        ["connack-session-present"] = new ConnAckPacket(true, MqttConnectReturnCode.Accepted),
        ["connack-not-authorised"] = new ConnAckPacket(false, MqttConnectReturnCode.NotAuthorized),
        ["puback"] = new PubAckPacket(1),
        ["suback-with-failure"] = new SubAckPacket(1, [0, 1, SubAckPacket.Failure]),
        ["pingreq"] = PingReqPacket.Instance,
        ["pingresp"] = PingRespPacket.Instance,
        ["unsuback"] = new UnsubAckPacket(2),
    };

    public static TheoryData<string, string> Vectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "testdata", "mqtt", "golden-packets.txt")))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var parts = line.Split(' ', 2);
                data.Add(parts[0], parts[1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decode_GoldenBytes_GivesExpectedPacket(string name, string hex)
    {
        var bytes = Convert.FromHexString(hex);
        Assert.True(MqttPacketDecoder.TryDecode(bytes, 1024, out var packet, out var consumed));
        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(PacketText.Of(Expected[name]), PacketText.Of(packet));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encode_ExpectedPacket_GivesGoldenBytes(string name, string hex) =>
        Assert.Equal(hex, Convert.ToHexStringLower(MqttPacketEncoder.Encode(Expected[name])));

    [Fact]
    public void Vectors_CoverEveryExpectedPacket() =>
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), Vectors().Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
