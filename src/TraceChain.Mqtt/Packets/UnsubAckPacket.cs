namespace TraceChain.Mqtt.Packets;

/// <summary>UNSUBACK (section 3.11).</summary>
public sealed record UnsubAckPacket(ushort PacketId) : MqttPacket
{
    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.UnsubAck;
}
