namespace TraceLedger.Storage;

/// <summary>One log entry. <see cref="Seq"/> is the leaf index (0-based) in the Merkle tree.</summary>
public sealed class EntryRow
{
    public long Seq { get; set; }

    public EntryKind Kind { get; set; }

    /// <summary>RFC 9162 leaf hash of <see cref="EntryBytes"/>, computed once at append.</summary>
    public byte[] LeafHash { get; set; } = [];

    /// <summary>The leaf data exactly as hashed: canonical JSON of the entry.</summary>
    public byte[] EntryBytes { get; set; } = [];

    /// <summary>SHA-256 of the entry's canonical content without signature: the idempotency key.</summary>
    public byte[] ContentHash { get; set; } = [];

    public string? DeviceId { get; set; }

    public long? Counter { get; set; }

    public long ReceivedAtMs { get; set; }
}
