namespace TraceChain.Mqtt.Packets;

/// <summary>UNSUBSCRIBE (section 3.10).</summary>
public sealed record UnsubscribePacket(ushort PacketId, IReadOnlyList<string> Filters) : MqttPacket
{
    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.Unsubscribe;

    /// <inheritdoc />
    public bool Equals(UnsubscribePacket? other) =>
        other is not null && PacketId == other.PacketId && Filters.SequenceEqual(other.Filters, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PacketId, Filters.Count);
}
