namespace TraceLedger.Packs;

/// <summary>Wire names of alert codes and root causes.</summary>
public static class Alerts
{
    /// <summary>snake_case name of an alert code (<c>impossible_travel</c>, …).</summary>
    public static string WireName(AlertCode code) => WireText.Snake(code.ToString());

    /// <summary>snake_case name of a root cause (<c>suspected_falsification</c>, …).</summary>
    public static string WireName(RootCause cause) => WireText.Snake(cause.ToString());

    /// <summary>The alert code with this wire name, or null.</summary>
    public static AlertCode? ParseCode(string? wire) => Enum.GetValues<AlertCode>().Cast<AlertCode?>().FirstOrDefault(c => WireName(c!.Value) == wire);

    /// <summary>The root cause with this wire name, or null.</summary>
    public static RootCause? ParseRootCause(string? wire) => Enum.GetValues<RootCause>().Cast<RootCause?>().FirstOrDefault(c => WireName(c!.Value) == wire);
}
