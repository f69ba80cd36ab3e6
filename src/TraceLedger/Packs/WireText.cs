namespace TraceLedger.Packs;

/// <summary>The snake_case wire spelling of enum member names.</summary>
internal static class WireText
{
    public static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
