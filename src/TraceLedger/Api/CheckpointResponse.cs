namespace TraceLedger.Api;

/// <summary>The newest checkpoint: size, base64 root hash and the C2SP signed note text.</summary>
public sealed record CheckpointResponse(long TreeSize, string RootHash, string Checkpoint);
