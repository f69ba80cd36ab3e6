namespace TraceChain.Bench;

/// <summary>
/// One measured figure. <paramref name="Limit"/> is the same-run limit or peer it is compared with,
/// and <paramref name="Ratio"/> is value / limit (or the ratio the goal is stated in).
/// </summary>
public sealed record Figure(string Name, double Value, string Unit, double? Limit = null, double? Ratio = null, string? Note = null);
