namespace TraceLedger.Storage;

/// <summary>A published, signed checkpoint. Sizes only grow; the newest one is <see cref="LogStateRow"/>.</summary>
public sealed class CheckpointRow
{
    public long TreeSize { get; set; }

    public byte[] RootHash { get; set; } = [];

    /// <summary>The C2SP signed note text, exactly as served.</summary>
    public string SignedNote { get; set; } = "";

    public long CreatedAtMs { get; set; }
}
