namespace TraceChain.Mqtt.Packets;

/// <summary>CONNECT (section 3.1). Keep-alive is in seconds; 0 disables it. The password is binary data (a byte array, so
/// "absent" cannot be confused with "empty").</summary>
public sealed record ConnectPacket(
    string ClientId,
    bool CleanSession,
    ushort KeepAliveSeconds,
    MqttWill? Will = null,
    string? Username = null,
    byte[]? Password = null) : MqttPacket
{
    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.Connect;
}
