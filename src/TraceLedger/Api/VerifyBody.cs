namespace TraceLedger.Api;

/// <summary>A verification: the scanned code (element string, Digital Link URI or China code) or the canonical identifier, plus what was read.</summary>
public sealed record VerifyBody(string? Scan, string? Identifier, string? Batch, string? Expiry, string? ScratchCode, string? PartyGln);
