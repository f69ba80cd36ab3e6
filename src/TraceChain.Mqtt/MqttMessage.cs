namespace TraceChain.Mqtt;

/// <summary>An application message received from the broker.</summary>
/// <param name="Topic">The topic it was published to.</param>
/// <param name="Payload">The payload bytes (owned by the message).</param>
/// <param name="QualityOfService">The QoS it was delivered with.</param>
/// <param name="Retain">True when the broker delivered a retained message on subscribe.</param>
/// <param name="Duplicate">True when the broker may have delivered it before (DUP flag).</param>
/// <param name="PacketId">The broker's packet identifier for a QoS 1 delivery (0 for QoS 0). A redelivery after a
/// reconnect on the same session keeps it (MQTT 3.1.1 section 4.4), so together with <see cref="Duplicate"/> it
/// tells a redelivered message from a new one with the same content.</param>
public sealed record MqttMessage(string Topic, ReadOnlyMemory<byte> Payload, MqttQualityOfService QualityOfService, bool Retain, bool Duplicate, ushort PacketId = 0);
