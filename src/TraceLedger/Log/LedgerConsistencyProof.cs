namespace TraceLedger.Log;

/// <summary>RFC 9162 consistency proof between the trees of <paramref name="FromSize"/> and <paramref name="ToSize"/> leaves.</summary>
public sealed record LedgerConsistencyProof(long FromSize, long ToSize, byte[] FromRoot, byte[] ToRoot, IReadOnlyList<byte[]> Proof);
