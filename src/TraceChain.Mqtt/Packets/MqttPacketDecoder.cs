using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace TraceChain.Mqtt.Packets;

/// <summary>
/// Decodes one packet from the start of a buffer. Pure: no I/O. Malformed, oversized or unsupported input
/// (QoS 2 flows) throws <see cref="MqttProtocolException"/> naming the problem; nothing else is thrown.
/// </summary>
public static class MqttPacketDecoder
{
    /// <summary>
    /// Reads the fixed header. Returns false when more bytes are needed to know the frame's length; otherwise
    /// <paramref name="frameLength"/> is the whole packet's size, which is checked against <paramref name="maxPacketSize"/>.
    /// </summary>
    public static bool TryReadFrameLength(ReadOnlySpan<byte> buffer, int maxPacketSize, out int frameLength)
    {
        frameLength = 0;
        if (buffer.Length < 2 || !RemainingLength.TryRead(buffer[1..], out var remaining, out var lengthBytes))
        {
            return false;
        }

        var total = 1L + lengthBytes + remaining;
        if (total > maxPacketSize)
        {
            throw new MqttProtocolException($"Packet of {total} bytes exceeds the maximum packet size of {maxPacketSize} bytes");
        }

        frameLength = (int)total;
        return true;
    }

    /// <summary>
    /// Decodes the packet at the start of <paramref name="buffer"/>. Returns false when the buffer does not yet
    /// hold a whole packet; otherwise <paramref name="consumed"/> is the packet's size.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> buffer, int maxPacketSize, [NotNullWhen(true)] out MqttPacket? packet, out int consumed)
    {
        packet = null;
        consumed = 0;
        if (!TryReadFrameLength(buffer, maxPacketSize, out var frameLength) || buffer.Length < frameLength)
        {
            return false;
        }

        var header = buffer[0];
        RemainingLength.TryRead(buffer[1..], out var remaining, out var lengthBytes);
        var body = buffer.Slice(1 + lengthBytes, remaining);
        packet = DecodeBody((MqttPacketType)(header >> 4), (byte)(header & 0x0F), body);
        consumed = frameLength;
        return true;
    }

    private static MqttPacket DecodeBody(MqttPacketType type, byte flags, ReadOnlySpan<byte> body)
    {
        if (type != MqttPacketType.Publish)
        {
            var expected = type is MqttPacketType.Subscribe or MqttPacketType.Unsubscribe or MqttPacketType.PubRel ? 2 : 0;
            if (flags != expected && type is >= MqttPacketType.Connect and <= MqttPacketType.Disconnect)
            {
                throw new MqttProtocolException($"Malformed {type}: reserved fixed-header flags are 0x{flags:X}, expected 0x{expected:X}");
            }
        }

        var reader = new PacketReader(body, type);
        MqttPacket packet = type switch
        {
            MqttPacketType.Connect => DecodeConnect(ref reader),
            MqttPacketType.ConnAck => DecodeConnAck(ref reader),
            MqttPacketType.Publish => DecodePublish(ref reader, flags),
            MqttPacketType.PubAck => new PubAckPacket(reader.PacketId()),
            MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp =>
                throw new MqttProtocolException($"{type} is part of the QoS 2 flow, which this client does not support"),
            MqttPacketType.Subscribe => DecodeSubscribe(ref reader),
            MqttPacketType.SubAck => DecodeSubAck(ref reader),
            MqttPacketType.Unsubscribe => DecodeUnsubscribe(ref reader),
            MqttPacketType.UnsubAck => new UnsubAckPacket(reader.PacketId()),
            MqttPacketType.PingReq => PingReqPacket.Instance,
            MqttPacketType.PingResp => PingRespPacket.Instance,
            MqttPacketType.Disconnect => DisconnectPacket.Instance,
            _ => throw new MqttProtocolException($"Reserved packet type {(int)type}"),
        };
        reader.EnsureEnd();
        return packet;
    }

    private static ConnectPacket DecodeConnect(ref PacketReader reader)
    {
        var protocol = reader.String("protocol name");
        var level = reader.Byte();
        if (protocol != "MQTT" || level != 4)
        {
            throw new MqttProtocolException($"Unsupported protocol '{protocol}' level {level}; only MQTT 3.1.1 (level 4) is supported");
        }

        var flags = reader.Byte();
        if ((flags & 0x01) != 0)
        {
            throw new MqttProtocolException("Malformed CONNECT: reserved connect flag is set");
        }

        var hasWill = (flags & 0x04) != 0;
        var willQos = (flags >> 3) & 0x03;
        var willRetain = (flags & 0x20) != 0;
        if (!hasWill && (willQos != 0 || willRetain))
        {
            throw new MqttProtocolException("Malformed CONNECT: will QoS or retain set without a will");
        }

        if (willQos > 1)
        {
            throw new MqttProtocolException($"CONNECT will QoS {willQos} is not supported");
        }

        var hasPassword = (flags & 0x40) != 0;
        var hasUser = (flags & 0x80) != 0;
        if (hasPassword && !hasUser)
        {
            throw new MqttProtocolException("Malformed CONNECT: password flag without user name flag");
        }

        var keepAlive = reader.UInt16();
        var clientId = reader.String("client id");
        MqttWill? will = null;
        if (hasWill)
        {
            var topic = reader.TopicName("will topic");
            will = new MqttWill(topic, reader.Binary("will payload"), (MqttQualityOfService)willQos, willRetain);
        }

        var user = hasUser ? reader.String("user name") : null;
        var password = hasPassword ? reader.Binary("password") : null;
        return new ConnectPacket(clientId, (flags & 0x02) != 0, keepAlive, will, user, password);
    }

    private static ConnAckPacket DecodeConnAck(ref PacketReader reader)
    {
        var ackFlags = reader.Byte();
        if ((ackFlags & 0xFE) != 0)
        {
            throw new MqttProtocolException($"Malformed CONNACK: reserved acknowledge flags 0x{ackFlags:X2}");
        }

        var code = reader.Byte();
        return code <= 5
            ? new ConnAckPacket((ackFlags & 1) != 0, (MqttConnectReturnCode)code)
            : throw new MqttProtocolException($"Malformed CONNACK: unknown return code {code}");
    }

    private static PublishPacket DecodePublish(ref PacketReader reader, byte flags)
    {
        var qos = (flags >> 1) & 0x03;
        if (qos == 3)
        {
            throw new MqttProtocolException("Malformed PUBLISH: QoS bits are 3");
        }

        if (qos == 2)
        {
            throw new MqttProtocolException("PUBLISH with QoS 2 is not supported by this client");
        }

        var duplicate = (flags & 0x08) != 0;
        if (qos == 0 && duplicate)
        {
            throw new MqttProtocolException("Malformed PUBLISH: DUP set on a QoS 0 message");
        }

        var topic = reader.TopicName("topic name");
        var id = qos > 0 ? reader.PacketId() : (ushort)0;
        var payload = reader.Rest();
        return new PublishPacket(topic, payload, (MqttQualityOfService)qos, (flags & 0x01) != 0, duplicate, id);
    }

    private static SubscribePacket DecodeSubscribe(ref PacketReader reader)
    {
        var id = reader.PacketId();
        var filters = new List<MqttTopicFilter>();
        do
        {
            var filter = reader.TopicFilter();
            var qos = reader.Byte();
            if (qos > 2)
            {
                throw new MqttProtocolException($"Malformed SUBSCRIBE: requested QoS byte 0x{qos:X2}");
            }

            filters.Add(new MqttTopicFilter(filter, (MqttQualityOfService)qos));
        }
        while (!reader.AtEnd);

        return new SubscribePacket(id, filters);
    }

    private static SubAckPacket DecodeSubAck(ref PacketReader reader)
    {
        var id = reader.PacketId();
        var codes = reader.Rest();
        if (codes.Length == 0)
        {
            throw new MqttProtocolException("Malformed SUBACK: no return codes");
        }

        foreach (var code in codes)
        {
            if (code is > 2 and not SubAckPacket.Failure)
            {
                throw new MqttProtocolException($"Malformed SUBACK: return code 0x{code:X2}");
            }
        }

        return new SubAckPacket(id, codes);
    }

    private static UnsubscribePacket DecodeUnsubscribe(ref PacketReader reader)
    {
        var id = reader.PacketId();
        var filters = new List<string>();
        do
        {
            filters.Add(reader.TopicFilter());
        }
        while (!reader.AtEnd);

        return new UnsubscribePacket(id, filters);
    }

    /// <summary>Bounds-checked reads over one packet's body; running out of bytes is a protocol error.</summary>
    private ref struct PacketReader(ReadOnlySpan<byte> body, MqttPacketType type)
    {
        private readonly ReadOnlySpan<byte> body = body;
        private int position;

        public readonly bool AtEnd => position == body.Length;

        public byte Byte() => Take(1, "byte")[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2, "16-bit integer"));

        public ushort PacketId()
        {
            var id = UInt16();
            return id != 0 ? id : throw new MqttProtocolException($"Malformed {type}: packet id 0");
        }

        public string String(string what)
        {
            var length = UInt16();
            return MqttStrings.Decode(Take(length, what), $"{type} {what}");
        }

        public string TopicName(string what)
        {
            var topic = String(what);
            return MqttTopic.ProblemWithName(topic) is { } problem
                ? throw new MqttProtocolException($"Malformed {type}: {problem}")
                : topic;
        }

        public string TopicFilter()
        {
            var filter = String("topic filter");
            return MqttTopic.ProblemWithFilter(filter) is { } problem
                ? throw new MqttProtocolException($"Malformed {type}: {problem}")
                : filter;
        }

        public byte[] Binary(string what) => Take(UInt16(), what).ToArray();

        public byte[] Rest() => Take(body.Length - position, "payload").ToArray();

        public readonly void EnsureEnd()
        {
            if (!AtEnd)
            {
                throw new MqttProtocolException($"Malformed {type}: {body.Length - position} unexpected trailing bytes");
            }
        }

        private ReadOnlySpan<byte> Take(int count, string what)
        {
            if (body.Length - position < count)
            {
                throw new MqttProtocolException($"Malformed {type}: truncated {what} (needs {count} bytes, {body.Length - position} left)");
            }

            var slice = body.Slice(position, count);
            position += count;
            return slice;
        }
    }
}
