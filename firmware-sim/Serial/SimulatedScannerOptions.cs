using TraceChain.Protocol.Scanning;
using TraceChain.Serial.Scanning;

namespace FirmwareSim.Serial;

/// <summary>How one simulated scanner behaves.</summary>
/// <param name="Id">Scanner number from 1.</param>
/// <param name="LinkPath">Symlink the host opens; it points at the current /dev/pts/N.</param>
/// <param name="Mode">Line or SSI framed mode.</param>
public sealed record SimulatedScannerOptions(int Id, string LinkPath, ScannerMode Mode)
{
    /// <summary>Line-mode suffix.</summary>
    public LineSuffix Suffix { get; init; } = LineSuffix.Cr;

    /// <summary>Pause before a step whose delay is '-' (1 / --rate).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long to wait for the host's ACK before resending (SSI).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Resends of a scan before giving up on it (SSI).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Pause between the pieces of a split write.</summary>
    public TimeSpan SplitGap { get; init; } = TimeSpan.FromMilliseconds(15);

    /// <summary>Seed for garbage bytes, so runs are reproducible.</summary>
    public int Seed { get; init; } = 1;
}
