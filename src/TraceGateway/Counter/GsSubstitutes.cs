namespace TraceGateway.Counter;

/// <summary>
/// What a keyboard-wedge scanner can be set to type for the GS (FNC1) separator, which a browser text field cannot
/// receive: the counter page offers exactly these. Empty means GS arrives as itself (0x1D) or not at all.
/// </summary>
public static class GsSubstitutes
{
    /// <summary>The group separator.</summary>
    public const char Gs = '\u001d';

    /// <summary>The choices, in the order the page lists them.</summary>
    public static IReadOnlyList<string> All { get; } = ["", "~", "^]", "<GS>", "{GS}", "|", "@"];

    /// <summary>True when <paramref name="value"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);

    /// <summary>The scan with every <paramref name="substitute"/> turned back into GS; unchanged when none is set.</summary>
    public static string Restore(string scan, string substitute)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return string.IsNullOrEmpty(substitute) ? scan : scan.Replace(substitute, Gs.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The scan for display: GS written as <c>&lt;GS&gt;</c>.</summary>
    public static string Visible(string scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return scan.Replace(Gs.ToString(), "<GS>", StringComparison.Ordinal);
    }
}
