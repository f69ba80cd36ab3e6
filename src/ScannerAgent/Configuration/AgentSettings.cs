namespace ScannerAgent.Configuration;

/// <summary>The agent's configuration (section <c>Agent</c> of appsettings.json, overridable as <c>--Agent:Key=value</c>).</summary>
public sealed class AgentSettings
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Agent";

    /// <summary>Device identity registered with the ledger, 1-64 characters of <c>[A-Za-z0-9._:-]</c>.</summary>
    public string DeviceId { get; set; } = "";

    /// <summary>PKCS#8 PEM device key written by <c>ScannerAgent keygen</c>.</summary>
    public string KeyFile { get; set; } = "device.key";

    /// <summary>GLN of the read point (13 digits); the device's party.</summary>
    public string Location { get; set; } = "";

    /// <summary>Base URL of the gateway or ledger serving <c>POST /v1/hops</c>.</summary>
    public string GatewayUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>SQLite file of the durable outbox.</summary>
    public string OutboxPath { get; set; } = "outbox.db";

    /// <summary>Most hops per upload request.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>First retry delay after a failed upload, doubled per failure up to <see cref="RetryMaxMilliseconds"/>.</summary>
    public int RetryMinMilliseconds { get; set; } = 100;

    /// <summary>Longest retry delay.</summary>
    public int RetryMaxMilliseconds { get; set; } = 5000;

    /// <summary>
    /// How long the outbox keeps the identity of an MQTT delivery or camera file after its hop (counted back from the
    /// newest hop), to recognise a redelivery after a crash.
    /// </summary>
    public int DeliveryRetentionHours { get; set; } = 72;

    /// <summary>The serial scanners.</summary>
    public IList<ScannerSettings> Scanners { get; } = [];

    /// <summary>The scanners read through an MQTT broker.</summary>
    public IList<MqttScannerSettings> MqttScanners { get; } = [];

    /// <summary>The camera scanners (watched folders and MQTT frame topics).</summary>
    public IList<CameraScannerSettings> CameraScanners { get; } = [];

    /// <summary>The broker the agent hears recalls and alerts from (off without a host).</summary>
    public NotificationFeedSettings Notifications { get; set; } = new();
}
