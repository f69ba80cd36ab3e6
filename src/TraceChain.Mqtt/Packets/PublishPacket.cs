namespace TraceChain.Mqtt.Packets;

/// <summary>PUBLISH (section 3.3). <see cref="PacketId"/> is 0 for QoS 0 and non-zero otherwise.</summary>
public sealed record PublishPacket(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService = MqttQualityOfService.AtMostOnce,
    bool Retain = false,
    bool Duplicate = false,
    ushort PacketId = 0) : MqttPacket
{
    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.Publish;
}
