namespace TraceChain.Mqtt.Packets;

/// <summary>The last-will message the broker publishes when the client drops without DISCONNECT.</summary>
public sealed record MqttWill(string Topic, ReadOnlyMemory<byte> Payload, MqttQualityOfService QualityOfService = MqttQualityOfService.AtMostOnce, bool Retain = false);
