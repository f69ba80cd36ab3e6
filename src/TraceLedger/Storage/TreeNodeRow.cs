namespace TraceLedger.Storage;

/// <summary>
/// The hash of an aligned perfect subtree: leaves [Index * 2^Level, (Index + 1) * 2^Level). Level 0 lives in
/// <see cref="EntryRow.LeafHash"/>; levels above are stored as soon as a subtree is complete, so any proof
/// needs O(log n) reads.
/// </summary>
public sealed class TreeNodeRow
{
    public int Level { get; set; }

    public long Index { get; set; }

    public byte[] Hash { get; set; } = [];
}
