using System.Diagnostics;

namespace TraceLedger.Log;

/// <summary>
/// One write waiting in the writer's queue. The writer runs its body inside a transaction and completes the caller's
/// task only after that transaction has committed (or failed), so an answer never rests on an uncommitted record.
/// </summary>
internal abstract class PendingWrite
{
    private const int Queued = 0;
    private const int Claimed = 1;
    private const int Abandoned = 2;
    private int state;

    protected PendingWrite(bool grouped, AnswerPoint answerPoint, bool forceCheckpoint)
    {
        Grouped = grouped;
        AnswerPoint = answerPoint;
        ForceCheckpoint = forceCheckpoint;
    }

    /// <summary>When the write was queued (<see cref="Stopwatch"/> timestamp).</summary>
    public long QueuedAt { get; } = Stopwatch.GetTimestamp();

    /// <summary>May share its transaction with other grouped writes (all its state lives in the transaction).</summary>
    public bool Grouped { get; }

    /// <summary>When the caller is answered: once the commit is durable, or at commit.</summary>
    public AnswerPoint AnswerPoint { get; }

    /// <summary>Publish a checkpoint even when nothing was appended.</summary>
    public bool ForceCheckpoint { get; }

    /// <summary>The writer takes the write; false when the caller gave up (cancelled) while it was queued.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref state, Claimed, Queued) == Queued;

    /// <summary>Runs the body; its result is kept until <see cref="Complete"/>.</summary>
    public abstract void Execute(WriteBatch batch);

    /// <summary>Hands the kept result to the caller (after commit).</summary>
    public abstract void Complete();

    /// <summary>Fails the caller's task.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>Cancels a write that is still queued; false when the writer has it already.</summary>
    protected bool TryAbandon() => Interlocked.CompareExchange(ref state, Abandoned, Queued) == Queued;
}
