namespace TraceLedger.Log;

/// <summary>RFC 9162 inclusion proof of leaf <paramref name="LeafIndex"/> in the tree of <paramref name="TreeSize"/> leaves with root <paramref name="RootHash"/>.</summary>
public sealed record LedgerInclusionProof(long LeafIndex, long TreeSize, byte[] LeafHash, IReadOnlyList<byte[]> AuditPath, byte[] RootHash);
