namespace TraceChain.Mqtt.Packets;

/// <summary>SUBSCRIBE (section 3.8).</summary>
public sealed record SubscribePacket(ushort PacketId, IReadOnlyList<MqttTopicFilter> Filters) : MqttPacket
{
    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.Subscribe;

    /// <inheritdoc />
    public bool Equals(SubscribePacket? other) =>
        other is not null && PacketId == other.PacketId && Filters.SequenceEqual(other.Filters);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PacketId, Filters.Count);
}
