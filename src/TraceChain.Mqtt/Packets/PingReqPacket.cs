namespace TraceChain.Mqtt.Packets;

/// <summary>PINGREQ (section 3.12).</summary>
public sealed record PingReqPacket : MqttPacket
{
    /// <summary>The single instance; the packet has no content.</summary>
    public static readonly PingReqPacket Instance = new();

    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.PingReq;
}
