namespace TraceGateway.LedgerAccess;

/// <summary>An alert list filter in wire spellings (<paramref name="Code"/> as the ledger names alert codes).</summary>
public sealed record AlertFilter(string? Code, bool? Open, string? Identifier, string? Actor, int Limit);
