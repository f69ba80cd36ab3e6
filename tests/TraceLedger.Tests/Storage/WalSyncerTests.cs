using TraceLedger.Storage;

namespace TraceLedger.Tests.Storage;

/// <summary>
/// The WAL sync thread runs its actions in order after a sync, and treats a failed sync as final. Tasks completed by
/// an action run their continuations elsewhere, as the ledger's do: the test must not go on on the sync thread.
/// </summary>
public sealed class WalSyncerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string directory = Directory.CreateTempSubdirectory("wal-syncer-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Actions_RunInOrder_AfterARealSync()
    {
        var order = new List<int>();
        var last = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var syncer = new WalSyncer(Path.Combine(directory, "ledger.db")))
        {
            for (var i = 0; i < 100; i++)
            {
                var n = i;
                syncer.AfterSync(failure => order.Add(failure is null ? n : -1));
            }

            syncer.AfterSync(last.SetResult);
            Assert.Null(await last.Task.WaitAsync(Patience));
        }

        Assert.Equal(Enumerable.Range(0, 100), order);
    }

    [Fact]
    public async Task ADelayedSync_WaitsForItsDelay_UnlessAnActionWithoutOneComes_ThenOneSyncServesBoth()
    {
        var syncs = 0;
        using var syncer = new WalSyncer(Path.Combine(directory, "ledger.db"), () =>
        {
            Interlocked.Increment(ref syncs);
            return null;
        });

        var delayed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        syncer.AfterSync(delayed.SetResult, TimeSpan.FromHours(1));
        await Task.Delay(200); // a syncer that ignored the delay would have synced by now
        Assert.False(delayed.Task.IsCompleted);
        Assert.Equal(0, Volatile.Read(ref syncs));

        var prompt = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        syncer.AfterSync(prompt.SetResult);
        Assert.Null(await prompt.Task.WaitAsync(Patience));
        Assert.Null(await delayed.Task.WaitAsync(Patience));
        Assert.Equal(1, Volatile.Read(ref syncs));
    }

    [Fact]
    public async Task ADelayedSync_HappensOnItsOwn_OnceItsDelayIsOver()
    {
        using var syncer = new WalSyncer(Path.Combine(directory, "ledger.db"));
        var delayed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);

        syncer.AfterSync(delayed.SetResult, TimeSpan.FromMilliseconds(50));

        Assert.Null(await delayed.Task.WaitAsync(Patience));
    }

    [Fact]
    public void ADelayBeyondTheLongest_OrBelowZero_IsRefused_BeforeTheSyncThreadSeesIt()
    {
        using var syncer = new WalSyncer(Path.Combine(directory, "ledger.db"));

        Assert.Throws<ArgumentOutOfRangeException>(() => syncer.AfterSync(_ => { }, WalSyncer.MaxDelay + TimeSpan.FromTicks(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => syncer.AfterSync(_ => { }, TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public async Task FailedSync_IsFinal_EvenWhenTheNextSyncWouldSucceed()
    {
        var syncs = 0;
        var diskError = new IOException("fdatasync: input/output error");
        using var syncer = new WalSyncer(Path.Combine(directory, "ledger.db"), () => Interlocked.Increment(ref syncs) == 1 ? diskError : null);

        var first = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        syncer.AfterSync(first.SetResult);
        Assert.Same(diskError, await first.Task.WaitAsync(Patience));

        // Linux may report a writeback error once and then sync "successfully" with the failed pages gone.
        var later = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        syncer.AfterSync(later.SetResult);
        Assert.Same(diskError, await later.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task DisposeFromAnActionItRuns_IsRefused_InsteadOfWaitingForItself()
    {
        using var syncer = new WalSyncer(Path.Combine(directory, "ledger.db"));
        var refused = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        syncer.AfterSync(_ =>
        {
            try
            {
                syncer.Dispose();
                refused.SetResult(null);
            }
            catch (InvalidOperationException e)
            {
                refused.SetResult(e);
            }
        });

        Assert.IsType<InvalidOperationException>(await refused.Task.WaitAsync(Patience));
    }

    [Fact]
    public void AfterDispose_AnAction_IsRefusedAsClosed()
    {
        var syncer = new WalSyncer(Path.Combine(directory, "ledger.db"));
        syncer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => syncer.AfterSync(_ => { }));
    }
}
