namespace TraceChain.Mqtt.Packets;

/// <summary>PUBACK (section 3.4).</summary>
public sealed record PubAckPacket(ushort PacketId) : MqttPacket
{
    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.PubAck;
}
