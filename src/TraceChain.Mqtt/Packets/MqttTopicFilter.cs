namespace TraceChain.Mqtt.Packets;

/// <summary>One topic filter with the maximum QoS requested for it.</summary>
public sealed record MqttTopicFilter(string Filter, MqttQualityOfService QualityOfService = MqttQualityOfService.AtLeastOnce);
