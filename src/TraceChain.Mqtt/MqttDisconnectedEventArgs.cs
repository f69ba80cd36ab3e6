namespace TraceChain.Mqtt;

/// <summary>Raised when a connection ends, with the reason.</summary>
public sealed class MqttDisconnectedEventArgs(Exception reason, bool willReconnect) : EventArgs
{
    /// <summary>Why the connection ended (e.g. <see cref="MqttProtocolException"/>, a socket error, a ping timeout).</summary>
    public Exception Reason { get; } = reason;

    /// <summary>True when the client will try to reconnect.</summary>
    public bool WillReconnect { get; } = willReconnect;
}
