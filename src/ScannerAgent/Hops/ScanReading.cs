namespace ScannerAgent.Hops;

/// <summary>What one scan says: a canonical pack identifier with batch/expiry as read, or why it is not usable.</summary>
/// <param name="Identifier">Canonical identifier (<c>gtin:…:ser:…</c>, <c>sscc:…</c>, <c>cn:…</c>); null when invalid.</param>
/// <param name="Batch">AI 10 as read.</param>
/// <param name="Expiry">AI 17 as read (YYMMDD).</param>
/// <param name="RawScan">The scan with its symbology identifier, as text.</param>
/// <param name="Problem">Why the scan is not a pack identifier; null when valid.</param>
/// <param name="Advice">What in the scanner setup probably explains the problem and how to fix it, if known.</param>
public sealed record ScanReading(string? Identifier, string? Batch, string? Expiry, string RawScan, string? Problem, string? Advice)
{
    /// <summary>True when the scan names a pack or logistic unit.</summary>
    public bool IsValid => Identifier is not null;
}
