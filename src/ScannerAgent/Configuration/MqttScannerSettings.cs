namespace ScannerAgent.Configuration;

/// <summary>
/// Scanners that publish their scans to an MQTT broker (bound from <c>Agent:MqttScanners:N</c>). The agent
/// subscribes to <c>tracechain/{Site}/scanners/{ScannerId}/scan</c> with QoS 1 on a persistent session and
/// answers on <c>.../verdict</c>.
/// </summary>
public sealed class MqttScannerSettings : IBrokerSettings
{
    /// <summary>Name used in logs and in the outbox (as <c>{Name}/{scannerId}</c>); required and unique.</summary>
    public string Name { get; set; } = "";

    /// <summary>Broker host name or address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker TCP port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>User name, if the broker requires one.</summary>
    public string? Username { get; set; }

    /// <summary>Password for <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Site topic level (<c>tracechain/{Site}/...</c>).</summary>
    public string Site { get; set; } = "";

    /// <summary>One scanner id, or <c>+</c> for every scanner of the site.</summary>
    public string ScannerId { get; set; } = "+";

    /// <summary>Stable MQTT client id of the persistent session; defaults to <c>{DeviceId}-{Name}</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>commission, receive, ship, pack, dispense or verify.</summary>
    public string Workflow { get; set; } = "receive";

    /// <summary>GLN the goods go to (ship).</summary>
    public string? Destination { get; set; }

    /// <summary>GLN the goods come from (receive), if known.</summary>
    public string? Source { get; set; }

    /// <summary>Parent case or pallet SSCC, 18 digits (pack).</summary>
    public string? Parent { get; set; }

    /// <inheritdoc />
    public string ClientIdFor(string deviceId) => ClientId ?? $"{deviceId}-{Name}";
}
