namespace TraceChain.Mqtt;

/// <summary>
/// A peer sent bytes that break MQTT 3.1.1 (malformed, oversized or unsupported packets). The connection that
/// carried them is closed; the process is never affected.
/// </summary>
public sealed class MqttProtocolException : Exception
{
    /// <summary>Creates the exception with a message naming the problem.</summary>
    public MqttProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public MqttProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public MqttProtocolException()
        : base("MQTT protocol error")
    {
    }
}
