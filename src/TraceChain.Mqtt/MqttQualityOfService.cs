namespace TraceChain.Mqtt;

/// <summary>MQTT delivery guarantee. This client sends and receives QoS 0 and 1; QoS 2 is refused.</summary>
public enum MqttQualityOfService : byte
{
    /// <summary>QoS 0: fire and forget.</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: acknowledged with PUBACK, may be duplicated.</summary>
    AtLeastOnce = 1,

    /// <summary>QoS 2: exactly once. Only decoded to report it as unsupported.</summary>
    ExactlyOnce = 2,
}
