namespace ScannerAgent.Configuration;

/// <summary>
/// The broker the agent hears recalls and alerts from (section <c>Agent:Notifications</c>). The agent subscribes to
/// <c>{TopicPrefix}/recalls/+/+</c> (retained recalls) and <c>{TopicPrefix}/alerts/{Location}</c> with QoS 1 on a
/// persistent session and keeps the recalls in its SQLite file, so a scan of a recalled batch is flagged at once,
/// even while the gateway is unreachable. Without <see cref="Host"/> the agent does not listen.
/// </summary>
public sealed class NotificationFeedSettings : IBrokerSettings
{
    /// <summary>Broker host name or address; empty turns notifications off.</summary>
    public string? Host { get; set; }

    /// <summary>Broker TCP port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>User name, if the broker requires one (with the expected ACL: the party's GLN).</summary>
    public string? Username { get; set; }

    /// <summary>Password for <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Stable MQTT client id of the persistent session; defaults to <c>{DeviceId}-notifications</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>First topic level of the notification topics.</summary>
    public string TopicPrefix { get; set; } = TraceChain.Protocol.Notifications.RecallTopic.DefaultPrefix;

    /// <summary>Also log the alerts addressed to the agent's party (<c>Agent:Location</c>).</summary>
    public bool Alerts { get; set; } = true;

    /// <summary>True when a broker is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <inheritdoc />
    public string ClientIdFor(string deviceId) => ClientId ?? $"{deviceId}-notifications";
}
