using System.Buffers.Binary;

namespace TraceChain.Mqtt.Packets;

/// <summary>
/// Encodes packets to bytes. Pure: no I/O. Content that cannot be sent (invalid topic, missing packet id,
/// QoS 2) is rejected with <see cref="ArgumentException"/> before anything is written.
/// </summary>
public static class MqttPacketEncoder
{
    /// <summary>Encodes <paramref name="packet"/> into a new array.</summary>
    public static byte[] Encode(MqttPacket packet)
    {
        var bytes = new byte[GetSize(packet)];
        Encode(packet, bytes);
        return bytes;
    }

    /// <summary>The total size of the encoded packet, fixed header included.</summary>
    public static int GetSize(MqttPacket packet)
    {
        var remaining = RemainingSize(packet);
        return 1 + RemainingLength.SizeOf(remaining) + remaining;
    }

    /// <summary>Encodes <paramref name="packet"/> into <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Encode(MqttPacket packet, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var remaining = RemainingSize(packet);
        destination[0] = (byte)(((byte)packet.Type << 4) | FixedHeaderFlags(packet));
        var at = 1 + RemainingLength.Write(remaining, destination[1..]);
        var body = destination.Slice(at, remaining);
        switch (packet)
        {
            case ConnectPacket connect:
                WriteConnect(connect, body);
                break;
            case ConnAckPacket connAck:
                body[0] = connAck.SessionPresent ? (byte)1 : (byte)0;
                body[1] = (byte)connAck.ReturnCode;
                break;
            case PublishPacket publish:
                var written = MqttStrings.Write(publish.Topic, body);
                if (publish.QualityOfService != MqttQualityOfService.AtMostOnce)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(body[written..], publish.PacketId);
                    written += 2;
                }

                publish.Payload.Span.CopyTo(body[written..]);
                break;
            case PubAckPacket pubAck:
                BinaryPrimitives.WriteUInt16BigEndian(body, pubAck.PacketId);
                break;
            case SubscribePacket subscribe:
                BinaryPrimitives.WriteUInt16BigEndian(body, subscribe.PacketId);
                var s = 2;
                foreach (var filter in subscribe.Filters)
                {
                    s += MqttStrings.Write(filter.Filter, body[s..]);
                    body[s++] = (byte)filter.QualityOfService;
                }

                break;
            case SubAckPacket subAck:
                BinaryPrimitives.WriteUInt16BigEndian(body, subAck.PacketId);
                for (var i = 0; i < subAck.ReturnCodes.Count; i++)
                {
                    body[2 + i] = subAck.ReturnCodes[i];
                }

                break;
            case UnsubscribePacket unsubscribe:
                BinaryPrimitives.WriteUInt16BigEndian(body, unsubscribe.PacketId);
                var u = 2;
                foreach (var filter in unsubscribe.Filters)
                {
                    u += MqttStrings.Write(filter, body[u..]);
                }

                break;
            case UnsubAckPacket unsubAck:
                BinaryPrimitives.WriteUInt16BigEndian(body, unsubAck.PacketId);
                break;
            default:
                break; // PINGREQ, PINGRESP, DISCONNECT: no body.
        }

        return at + remaining;
    }

    private static byte FixedHeaderFlags(MqttPacket packet) => packet switch
    {
        PublishPacket p => (byte)((p.Duplicate ? 0x08 : 0) | ((byte)p.QualityOfService << 1) | (p.Retain ? 0x01 : 0)),
        SubscribePacket or UnsubscribePacket => 0x02,
        _ => 0,
    };

    private static int RemainingSize(MqttPacket packet)
    {
        var size = packet switch
        {
            ConnectPacket c => ConnectSize(c),
            ConnAckPacket => 2,
            PublishPacket p => PublishSize(p),
            PubAckPacket p => NonZeroId(p.PacketId, 2),
            SubscribePacket s => SubscribeSize(s),
            SubAckPacket s => SubAckSize(s),
            UnsubscribePacket u => UnsubscribeSize(u),
            UnsubAckPacket u => NonZeroId(u.PacketId, 2),
            PingReqPacket or PingRespPacket or DisconnectPacket => 0,
            _ => throw new ArgumentException($"Cannot encode packet {packet.GetType().Name}", nameof(packet)),
        };
        return size <= RemainingLength.Max
            ? size
            : throw new ArgumentException($"{packet.Type} packet would be {size} bytes; the MQTT limit is {RemainingLength.Max}", nameof(packet));
    }

    private static int NonZeroId(ushort id, int size) =>
        id != 0 ? size : throw new ArgumentException("Packet id must not be 0", nameof(id));

    private static int ConnectSize(ConnectPacket c)
    {
        if (c.Password is not null && c.Username is null)
        {
            throw new ArgumentException("MQTT 3.1.1 does not allow a password without a user name", nameof(c));
        }

        long size = 10 + MqttStrings.SizeOf(c.ClientId, "client id");
        if (c.Will is { } will)
        {
            MqttTopic.ValidateName(will.Topic);
            RequireSupportedQos(will.QualityOfService);
            size += MqttStrings.SizeOf(will.Topic, "will topic") + BinarySize(will.Payload.Length, "will payload");
        }

        if (c.Username is not null)
        {
            size += MqttStrings.SizeOf(c.Username, "user name");
        }

        if (c.Password is { } password)
        {
            size += BinarySize(password.Length, "password");
        }

        return (int)size;
    }

    private static int BinarySize(int length, string what) =>
        length <= ushort.MaxValue ? 2 + length : throw new ArgumentException($"{what} is {length} bytes; the limit is {ushort.MaxValue}", what);

    private static void RequireSupportedQos(MqttQualityOfService qos)
    {
        if (qos is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
        {
            throw new ArgumentException($"QoS {(int)qos} is not supported (only 0 and 1)", nameof(qos));
        }
    }

    private static int PublishSize(PublishPacket p)
    {
        MqttTopic.ValidateName(p.Topic);
        RequireSupportedQos(p.QualityOfService);
        var idSize = p.QualityOfService == MqttQualityOfService.AtMostOnce ? 0 : NonZeroId(p.PacketId, 2);
        return (int)Math.Min(int.MaxValue, (long)MqttStrings.SizeOf(p.Topic, "topic name") + idSize + p.Payload.Length);
    }

    private static int SubscribeSize(SubscribePacket s)
    {
        NonZeroId(s.PacketId, 2);
        if (s.Filters.Count == 0)
        {
            throw new ArgumentException("SUBSCRIBE needs at least one topic filter", nameof(s));
        }

        var size = 2;
        foreach (var filter in s.Filters)
        {
            MqttTopic.ValidateFilter(filter.Filter);
            RequireSupportedQos(filter.QualityOfService);
            size += MqttStrings.SizeOf(filter.Filter, "topic filter") + 1;
        }

        return size;
    }

    private static int SubAckSize(SubAckPacket s)
    {
        NonZeroId(s.PacketId, 2);
        return s.ReturnCodes.Count > 0 ? 2 + s.ReturnCodes.Count : throw new ArgumentException("SUBACK needs at least one return code", nameof(s));
    }

    private static int UnsubscribeSize(UnsubscribePacket u)
    {
        NonZeroId(u.PacketId, 2);
        if (u.Filters.Count == 0)
        {
            throw new ArgumentException("UNSUBSCRIBE needs at least one topic filter", nameof(u));
        }

        var size = 2;
        foreach (var filter in u.Filters)
        {
            MqttTopic.ValidateFilter(filter);
            size += MqttStrings.SizeOf(filter, "topic filter");
        }

        return size;
    }

    private static void WriteConnect(ConnectPacket c, Span<byte> body)
    {
        ReadOnlySpan<byte> protocol = [0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4];
        protocol.CopyTo(body);
        var flags = (c.CleanSession ? 0x02 : 0)
            | (c.Will is { } w ? 0x04 | ((int)w.QualityOfService << 3) | (w.Retain ? 0x20 : 0) : 0)
            | (c.Password is not null ? 0x40 : 0)
            | (c.Username is not null ? 0x80 : 0);
        body[7] = (byte)flags;
        BinaryPrimitives.WriteUInt16BigEndian(body[8..], c.KeepAliveSeconds);
        var at = 10 + MqttStrings.Write(c.ClientId, body[10..]);
        if (c.Will is { } will)
        {
            at += MqttStrings.Write(will.Topic, body[at..]);
            at += WriteBinary(will.Payload.Span, body[at..]);
        }

        if (c.Username is not null)
        {
            at += MqttStrings.Write(c.Username, body[at..]);
        }

        if (c.Password is { } password)
        {
            WriteBinary(password, body[at..]);
        }
    }

    private static int WriteBinary(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)data.Length);
        data.CopyTo(destination[2..]);
        return 2 + data.Length;
    }
}
