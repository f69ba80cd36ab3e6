namespace TraceChain.Mqtt.Packets;

/// <summary>PINGRESP (section 3.13).</summary>
public sealed record PingRespPacket : MqttPacket
{
    /// <summary>The single instance; the packet has no content.</summary>
    public static readonly PingRespPacket Instance = new();

    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.PingResp;
}
