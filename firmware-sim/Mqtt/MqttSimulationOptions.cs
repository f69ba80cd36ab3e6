using System.Globalization;

namespace FirmwareSim.Mqtt;

/// <summary>What `firmware-sim mqtt` simulates.</summary>
/// <param name="Scanners">How many Wi-Fi scanners (ids <c>{Prefix}-1</c>..<c>{Prefix}-N</c>).</param>
/// <param name="Host">Broker host.</param>
/// <param name="Port">Broker port.</param>
public sealed record MqttSimulationOptions(int Scanners, string Host, int Port)
{
    /// <summary>Site topic level: scans go to <c>tracechain/{Site}/scanners/{id}/scan</c>.</summary>
    public string Site { get; init; } = "site1";

    /// <summary>Scanner id prefix.</summary>
    public string Prefix { get; init; } = "wifi";

    /// <summary>Broker user name, if any.</summary>
    public string? Username { get; init; }

    /// <summary>Broker password.</summary>
    public string? Password { get; init; }

    /// <summary>Raw, JSON or mixed payloads.</summary>
    public ScanPayloadFormat Payload { get; init; } = ScanPayloadFormat.Raw;

    /// <summary>Scans per second per scanner for steps whose delay is '-'.</summary>
    public double Rate { get; init; } = 10;

    /// <summary>Seed for garbage bytes and the mixed payload choice.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How long to wait at the end for a verdict on every published scan (zero: do not wait).</summary>
    public TimeSpan VerdictTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Clock for step delays and JSON timestamps.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Scanner <paramref name="number"/>'s id (topic level).</summary>
    public string ScannerId(int number) => $"{Prefix}-{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Scanner <paramref name="number"/>'s stable MQTT client id (persistent session).</summary>
    public string ClientId(int number) => $"firmware-sim-{Site}-{ScannerId(number)}";
}
