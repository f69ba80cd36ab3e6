namespace TraceChain.Imaging.Labels;

/// <summary>How a label is drawn.</summary>
public sealed record LabelOptions
{
    /// <summary>4 pixels per module, 2-module quiet zone (more if the symbology requires it), text shown.</summary>
    public static LabelOptions Default { get; } = new();

    /// <summary>Pixels (PNG, gray) or SVG user units per module, 1..64.</summary>
    public int ModulePixels { get; init; } = 4;

    /// <summary>Quiet zone on every side, in modules; never less than the symbology's minimum (Data Matrix 1, QR 4).</summary>
    public int QuietZoneModules { get; init; } = 2;

    /// <summary>Print the human-readable text under the symbol.</summary>
    public bool ShowHumanReadable { get; init; } = true;

    internal void Validate()
    {
        if (ModulePixels is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(ModulePixels), ModulePixels, "must be 1..64");
        }

        if (QuietZoneModules is < 0 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(QuietZoneModules), QuietZoneModules, "must be 0..64");
        }
    }
}
