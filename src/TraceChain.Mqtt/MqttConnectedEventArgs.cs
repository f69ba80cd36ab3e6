namespace TraceChain.Mqtt;

/// <summary>Raised once a connection is ready: CONNACK accepted, subscriptions restored, in-flight messages resent.</summary>
public sealed class MqttConnectedEventArgs(bool sessionPresent, int connectionNumber) : EventArgs
{
    /// <summary>True when the broker resumed a stored session.</summary>
    public bool SessionPresent { get; } = sessionPresent;

    /// <summary>1 for the first connection, then 2, 3 ... for each reconnect.</summary>
    public int ConnectionNumber { get; } = connectionNumber;
}
