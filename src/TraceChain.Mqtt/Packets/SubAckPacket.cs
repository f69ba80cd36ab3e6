namespace TraceChain.Mqtt.Packets;

/// <summary>SUBACK (section 3.9). Each return code is the granted QoS (0..2) or <see cref="Failure"/>.</summary>
public sealed record SubAckPacket(ushort PacketId, IReadOnlyList<byte> ReturnCodes) : MqttPacket
{
    /// <summary>The return code for a refused subscription.</summary>
    public const byte Failure = 0x80;

    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.SubAck;

    /// <inheritdoc />
    public bool Equals(SubAckPacket? other) =>
        other is not null && PacketId == other.PacketId && ReturnCodes.SequenceEqual(other.ReturnCodes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PacketId, ReturnCodes.Count);
}
