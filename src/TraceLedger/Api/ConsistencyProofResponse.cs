namespace TraceLedger.Api;

/// <summary>A consistency proof on the wire (hashes in standard base64).</summary>
public sealed record ConsistencyProofResponse(long FromSize, long ToSize, string FromRoot, string ToRoot, IReadOnlyList<string> Proof);
