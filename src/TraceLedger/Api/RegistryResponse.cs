namespace TraceLedger.Api;

/// <summary>The log entry a registry action was recorded at.</summary>
public sealed record RegistryResponse(long Seq);
