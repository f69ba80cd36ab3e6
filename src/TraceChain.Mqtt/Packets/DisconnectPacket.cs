namespace TraceChain.Mqtt.Packets;

/// <summary>DISCONNECT (section 3.14).</summary>
public sealed record DisconnectPacket : MqttPacket
{
    /// <summary>The single instance; the packet has no content.</summary>
    public static readonly DisconnectPacket Instance = new();

    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.Disconnect;
}
