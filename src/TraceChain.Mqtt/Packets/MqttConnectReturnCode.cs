namespace TraceChain.Mqtt.Packets;

/// <summary>CONNACK return codes (section 3.2.2.3).</summary>
public enum MqttConnectReturnCode : byte
{
    /// <summary>Connection accepted.</summary>
    Accepted = 0,

    /// <summary>The broker does not support MQTT 3.1.1.</summary>
    UnacceptableProtocolVersion = 1,

    /// <summary>The client id is not allowed by the broker.</summary>
    IdentifierRejected = 2,

    /// <summary>The MQTT service is unavailable.</summary>
    ServerUnavailable = 3,

    /// <summary>The user name or password is wrong.</summary>
    BadUsernameOrPassword = 4,

    /// <summary>The client is not authorised to connect.</summary>
    NotAuthorized = 5,
}
