namespace TraceLedger.Api;

/// <summary>An inclusion proof on the wire (hashes in standard base64).</summary>
public sealed record InclusionProofResponse(long LeafIndex, long TreeSize, string LeafHash, IReadOnlyList<string> AuditPath, string RootHash);
