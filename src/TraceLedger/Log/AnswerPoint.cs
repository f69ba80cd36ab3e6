namespace TraceLedger.Log;

/// <summary>When the log's writer answers a write's caller.</summary>
internal enum AnswerPoint
{
    /// <summary>Once the commit is durable (its WAL sync has ended): not even a power loss can take back the answer.</summary>
    Durable,

    /// <summary>
    /// Once the commit is done, before its WAL sync, which follows within <see cref="LogWriter.CommittedSyncDelay"/>
    /// (sooner when a durable write comes). A process crash loses nothing; a power loss can take back such writes made
    /// since the last sync, never a durable write made after them (the WAL is synced in order). While an earlier
    /// durable write is not yet synced, such a write waits for that sync too: what it read may rest on that change.
    /// For records whose loss costs little and whose callers should not wait for the disk: verification bookkeeping.
    /// </summary>
    Committed,
}
