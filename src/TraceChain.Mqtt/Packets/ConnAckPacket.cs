namespace TraceChain.Mqtt.Packets;

/// <summary>CONNACK (section 3.2).</summary>
public sealed record ConnAckPacket(bool SessionPresent, MqttConnectReturnCode ReturnCode) : MqttPacket
{
    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.ConnAck;
}
