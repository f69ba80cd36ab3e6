namespace TraceChain.Mqtt;

/// <summary>The operation needs a connection that is absent or was lost (see the inner exception for why).</summary>
public sealed class MqttConnectionException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public MqttConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MqttConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public MqttConnectionException()
        : base("Not connected to the MQTT broker")
    {
    }
}
