namespace TraceLedger.Log;

/// <summary>
/// Counters of the log's single writer since the ledger opened: how many writes it ran, in how many transactions,
/// and how long it was busy. Writes per commit shows how much group commit amortises each commit and its WAL sync;
/// busy time against wall time shows whether the writer is the bottleneck.
/// </summary>
/// <param name="Writes">Writes whose bodies ran (succeeded or failed).</param>
/// <param name="Commits">Transactions committed.</param>
/// <param name="Busy">Time spent running bodies and committing.</param>
/// <param name="Committing">Part of <paramref name="Busy"/> spent in COMMIT (writing the WAL; its sync runs beside the writer).</param>
/// <param name="Wal">SQLite WAL checkpoint passes run beside the writer (null: none yet).</param>
/// <param name="AnswerTimes">How long writes took from queueing to their answer (null: none yet).</param>
public sealed record WriterStatistics(long Writes, long Commits, TimeSpan Busy, TimeSpan Committing, WalCheckpointCounts? Wal = null, WriteAnswerTimes? AnswerTimes = null)
{
    /// <summary>Average writes per committed transaction.</summary>
    public double WritesPerCommit => Commits == 0 ? 0 : (double)Writes / Commits;

    /// <summary>The counters accumulated between <paramref name="earlier"/> and this.</summary>
    public WriterStatistics Since(WriterStatistics earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var wal = (Wal ?? WalCheckpointCounts.None).Since(earlier.Wal ?? WalCheckpointCounts.None);
        var answers = (AnswerTimes ?? WriteAnswerTimes.None).Since(earlier.AnswerTimes ?? WriteAnswerTimes.None);
        return new(Writes - earlier.Writes, Commits - earlier.Commits, Busy - earlier.Busy, Committing - earlier.Committing, wal, answers);
    }
}
