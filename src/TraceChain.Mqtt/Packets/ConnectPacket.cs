namespace TraceChain.Mqtt.Packets;

/// <summary>CONNECT (section 3.1). Keep-alive is in seconds; 0 disables it.</summary>
public sealed record ConnectPacket(
    string ClientId,
    bool CleanSession,
    ushort KeepAliveSeconds,
    MqttWill? Will = null,
    string? Username = null,
    ReadOnlyMemory<byte>? Password = null) : MqttPacket
{
    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.Connect;
}
