namespace TraceLedger.Log;

/// <summary>A queued write whose body returns a <typeparamref name="T"/> to its caller.</summary>
internal sealed class PendingWriteOf<T> : PendingWrite
{
    private readonly Func<WriteBatch, T> body;

    // Continuations run on the thread pool, never inline on the writer's thread, so callers cannot stall the queue.
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration cancellation;
    private T? result;

    public PendingWriteOf(Func<WriteBatch, T> body, bool grouped, AnswerPoint answerPoint, bool forceCheckpoint, CancellationToken cancellationToken)
        : base(grouped, answerPoint, forceCheckpoint)
    {
        this.body = body;
        cancellation = cancellationToken.UnsafeRegister(
            static (state, token) =>
            {
                var self = (PendingWriteOf<T>)state!;
                if (self.TryAbandon())
                {
                    self.completion.TrySetCanceled(token);
                }
            },
            this);
    }

    public Task<T> Task => completion.Task;

    public override void Execute(WriteBatch batch) => result = body(batch);

    public override void Complete()
    {
        cancellation.Dispose();
        completion.TrySetResult(result!);
    }

    public override void Fail(Exception exception)
    {
        cancellation.Dispose();
        completion.TrySetException(exception);
    }
}
