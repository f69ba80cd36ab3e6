namespace TraceLedger.Storage;

/// <summary>
/// The single row holding the current tree size and root. Writers move it with a compare-and-swap
/// (UPDATE ... WHERE tree_size = old), so a second writer on the same file fails instead of forking the log.
/// </summary>
public sealed class LogStateRow
{
    public int Id { get; set; }

    public long TreeSize { get; set; }

    public byte[] RootHash { get; set; } = [];
}
