namespace ScannerAgent.Configuration;

/// <summary>
/// A camera scanner (bound from <c>Agent:CameraScanners:N</c>): either a watched folder that a camera app writes
/// PNG/JPEG files into (<see cref="Folder"/>), or cameras publishing frames to an MQTT broker on
/// <c>tracechain/{Site}/cameras/{CameraId}/frame</c> (<see cref="Site"/>). Exactly one of the two is set.
/// </summary>
public sealed class CameraScannerSettings : IBrokerSettings
{
    /// <summary>Name used in logs and in the outbox (as <c>{Name}/{cameraId}</c>); required and unique.</summary>
    public string Name { get; set; } = "";

    /// <summary>Watched folder (relative paths are relative to the configuration file); processed/ and rejected/ go inside it.</summary>
    public string? Folder { get; set; }

    /// <summary>Camera id recorded for files of the watched folder; defaults to <see cref="Name"/>.</summary>
    public string? CameraId { get; set; }

    /// <summary>Site topic level of MQTT cameras (<c>tracechain/{Site}/cameras/...</c>).</summary>
    public string? Site { get; set; }

    /// <summary>MQTT: broker host name or address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>MQTT: broker TCP port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>MQTT: user name, if the broker requires one.</summary>
    public string? Username { get; set; }

    /// <summary>MQTT: password for <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>MQTT: stable client id of the persistent session; defaults to <c>{DeviceId}-{Name}</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>A code seen again by the same camera within this many milliseconds of its last sighting is a repeat (no hop).</summary>
    public int RepeatWindowMilliseconds { get; set; } = 3000;

    /// <summary>Most codes read from one frame (a tray of packs), 1..255.</summary>
    public int MaxCodesPerFrame { get; set; } = 8;

    /// <summary>Largest frame or image file, in bytes (also the MQTT packet limit of the camera's client).</summary>
    public int MaxFrameBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Most pixels of a frame (width x height), checked before decoding.</summary>
    public long MaxFramePixels { get; set; } = 50_000_000;

    /// <summary>Watched folder: an incomplete image younger than this is left for its writer to finish; older, it is rejected.</summary>
    public int SettleMilliseconds { get; set; } = 2000;

    /// <summary>Watched folder: rescan interval, in case a file-system notification is missed.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>commission, receive, ship, pack, dispense or verify.</summary>
    public string Workflow { get; set; } = "receive";

    /// <summary>GLN the goods go to (ship).</summary>
    public string? Destination { get; set; }

    /// <summary>GLN the goods come from (receive), if known.</summary>
    public string? Source { get; set; }

    /// <summary>Parent case or pallet SSCC, 18 digits (pack).</summary>
    public string? Parent { get; set; }

    /// <summary>True for a watched folder, false for MQTT cameras.</summary>
    public bool IsFolder => !string.IsNullOrWhiteSpace(Folder);

    /// <inheritdoc />
    public string ClientIdFor(string deviceId) => ClientId ?? $"{deviceId}-{Name}";
}
