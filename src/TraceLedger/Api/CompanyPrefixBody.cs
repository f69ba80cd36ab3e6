namespace TraceLedger.Api;

/// <summary>Registers a GS1 company prefix to a manufacturer.</summary>
public sealed record CompanyPrefixBody(string? Prefix, string? PartyGln);
