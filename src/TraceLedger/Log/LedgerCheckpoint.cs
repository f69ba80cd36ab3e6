namespace TraceLedger.Log;

/// <summary>A published checkpoint: tree size, root hash and the signed C2SP note as served.</summary>
public sealed record LedgerCheckpoint(long TreeSize, byte[] RootHash, string SignedNote);
