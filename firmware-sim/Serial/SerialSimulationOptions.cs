using TraceChain.Protocol.Scanning;
using TraceChain.Serial.Scanning;

namespace FirmwareSim.Serial;

/// <summary>What `firmware-sim serial` simulates.</summary>
/// <param name="Scanners">How many scanners (links scanner1..scannerN).</param>
/// <param name="Mode">Line or SSI framed mode for all of them.</param>
/// <param name="Directory">Where the scannerN symlinks go.</param>
public sealed record SerialSimulationOptions(int Scanners, ScannerMode Mode, string Directory)
{
    /// <summary>Scans per second per scanner for steps whose delay is '-'.</summary>
    public double Rate { get; init; } = 10;

    /// <summary>Line-mode suffix.</summary>
    public LineSuffix Suffix { get; init; } = LineSuffix.Cr;

    /// <summary>ACK timeout before a resend (SSI).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Resends per scan before giving up (SSI).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Seed for garbage bytes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Path of scanner <paramref name="id"/>'s symlink.</summary>
    public string LinkPath(int id) => Path.Combine(Directory, "scanner" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
