namespace TraceLedger.Log;

/// <summary>
/// SQLite WAL checkpoints run beside the log's writer (see <c>WalCheckpointer</c>): passes copying the WAL back into
/// the database file on a background connection, and passes that failed (their pages stay in the WAL; nothing is lost).
/// </summary>
public sealed record WalCheckpointCounts(long Passes, long Failures)
{
    /// <summary>No pass yet.</summary>
    public static readonly WalCheckpointCounts None = new(0, 0);

    /// <summary>The passes between <paramref name="earlier"/> and this.</summary>
    public WalCheckpointCounts Since(WalCheckpointCounts earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new(Passes - earlier.Passes, Failures - earlier.Failures);
    }
}
