namespace TraceChain.Mqtt.Packets;

/// <summary>Base of every decoded or to-be-encoded MQTT 3.1.1 control packet.</summary>
public abstract record MqttPacket
{
    /// <summary>The packet's type in the fixed header.</summary>
    public abstract MqttPacketType Type { get; }
}
