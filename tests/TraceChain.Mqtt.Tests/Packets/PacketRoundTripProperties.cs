using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Tests.Packets;

public sealed class PacketRoundTripProperties
{
    private static readonly string[] Levels = ["tracechain", "site1", "scanners", "sc-7", "scan", "", "数据", "ü", "$SYS", "a b"];

    private static Gen<string> TopicName =>
        Gen.Elements(Levels).ListOf().Where(l => l.Count > 0).Select(l => string.Join('/', l)).Where(t => t.Length > 0);

    private static Gen<string> TopicFilter =>
        Gen.Elements([.. Levels, "+"]).ListOf().Where(l => l.Count > 0)
            .SelectMany(l => Gen.Elements(true, false).Select(hash => string.Join('/', hash ? [.. l, "#"] : l)))
            .Where(f => f.Length > 0);

    private static Gen<byte[]> Payload => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf();

    private static Gen<ushort> PacketId => Gen.Choose(1, 65535).Select(i => (ushort)i);

    private static Gen<MqttQualityOfService> Qos => Gen.Elements(MqttQualityOfService.AtMostOnce, MqttQualityOfService.AtLeastOnce);

    private static Gen<MqttPacket> Packets => Gen.OneOf(
        from topic in TopicName
        from payload in Payload
        from qos in Qos
        from retain in Gen.Elements(true, false)
        from dup in Gen.Elements(true, false)
        from id in PacketId
        select (MqttPacket)(qos == MqttQualityOfService.AtMostOnce
            ? new PublishPacket(topic, payload, qos, retain)
            : new PublishPacket(topic, payload, qos, retain, dup, id)),
        from id in PacketId
        from filters in Gen.Zip(TopicFilter, Qos).Select(t => new MqttTopicFilter(t.Item1, t.Item2)).NonEmptyListOf()
        select (MqttPacket)new SubscribePacket(id, filters.ToArray()),
        from id in PacketId
        from filters in TopicFilter.NonEmptyListOf()
        select (MqttPacket)new UnsubscribePacket(id, filters.ToArray()),
        from id in PacketId
        from codes in Gen.Elements<byte>(0, 1, 2, 0x80).NonEmptyListOf()
        select (MqttPacket)new SubAckPacket(id, codes.ToArray()),
        from id in PacketId
        select (MqttPacket)new PubAckPacket(id),
        from clientId in Gen.Elements("", "scanner-7", "客户端")
        from clean in Gen.Elements(true, false)
        from keepAlive in Gen.Choose(0, 65535)
        from will in Gen.OneOf(Gen.Constant<MqttWill?>(null), from t in TopicName from p in Payload from q in Qos from r in Gen.Elements(true, false) select (MqttWill?)new MqttWill(t, p, q, r))
        from user in Gen.Elements<string?>(null, "agent", "")
        from password in Gen.Elements<byte[]?>(null, [], [1, 2, 3])
        select (MqttPacket)new ConnectPacket(clientId, clean, (ushort)keepAlive, will, user, user is null ? null : password),
        from present in Gen.Elements(true, false)
        from code in Gen.Choose(0, 5)
        select (MqttPacket)new ConnAckPacket(present, (MqttConnectReturnCode)code),
        Gen.Elements<MqttPacket>(PingReqPacket.Instance, PingRespPacket.Instance, DisconnectPacket.Instance));

    [Property(MaxTest = 500)]
    public Property EncodeThenDecode_GivesThePacketBack() =>
        Prop.ForAll(Packets.ToArbitrary(), packet =>
        {
            var bytes = MqttPacketEncoder.Encode(packet);
            var decoded = MqttPacketDecoder.TryDecode(bytes, int.MaxValue, out var back, out var consumed);
            return decoded && consumed == bytes.Length && PacketText.Of(back!) == PacketText.Of(packet)
                && bytes.Length == MqttPacketEncoder.GetSize(packet);
        });

    [Property(MaxTest = 300)]
    public Property ConcatenatedPackets_DecodeIncrementallyInOrder() =>
        Prop.ForAll(Packets.NonEmptyListOf().ToArbitrary(), Gen.Choose(1, 50).ToArbitrary(), (packets, chunk) =>
        {
            var bytes = packets.SelectMany(MqttPacketEncoder.Encode).ToArray();
            var decoder = new MqttFrameDecoder(1 << 20);
            var output = new List<string>();
            for (var at = 0; at < bytes.Length; at += chunk)
            {
                decoder.Append(bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at)));
                while (decoder.TryRead(out var p))
                {
                    output.Add(PacketText.Of(p));
                }
            }

            return output.SequenceEqual(packets.Select(PacketText.Of));
        });

    [Property(MaxTest = 500)]
    public Property RemainingLength_RoundTrips() =>
        Prop.ForAll(Gen.Choose(0, RemainingLength.Max).ToArbitrary(), value =>
        {
            Span<byte> buffer = stackalloc byte[4];
            var n = RemainingLength.Write(value, buffer);
            return RemainingLength.TryRead(buffer[..n], out var back, out var used) && back == value && used == n && n == RemainingLength.SizeOf(value);
        });

    [Property(MaxTest = 500)]
    public Property Matches_ExactTopicAndWildcards() =>
        Prop.ForAll(TopicName.ToArbitrary(), topic =>
        {
            var levels = topic.Split('/');
            var plus = string.Join('/', levels.Select(_ => "+"));
            var dollar = topic.StartsWith('$');
            return MqttTopic.Matches(topic, topic)
                && MqttTopic.Matches("#", topic) == !dollar
                && MqttTopic.Matches(plus, topic) == !dollar
                && MqttTopic.Matches(levels[0] + "/#", topic);
        });
}
