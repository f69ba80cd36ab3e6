namespace FirmwareSim.Mqtt;

/// <summary>How a simulated Wi-Fi scanner encodes a scan (docs/mqtt.md, topic scheme).</summary>
public enum ScanPayloadFormat
{
    /// <summary>The scan bytes as read: AIM prefix + data, GS as 0x1D.</summary>
    Raw,

    /// <summary>JSON <c>{"raw": "...", "ts": "RFC 3339 UTC", "seq": n}</c> (seq counts the scanner's scans).</summary>
    Json,

    /// <summary>Raw or JSON per scan, chosen by the seeded random generator.</summary>
    Mixed,
}
