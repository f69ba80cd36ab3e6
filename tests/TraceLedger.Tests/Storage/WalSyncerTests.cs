using TraceLedger.Storage;

namespace TraceLedger.Tests.Storage;

/// <summary>The WAL sync thread runs its actions in order after a sync, and treats a failed sync as final.</summary>
public sealed class WalSyncerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string directory = Directory.CreateTempSubdirectory("wal-syncer-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Actions_RunInOrder_AfterARealSync()
    {
        var order = new List<int>();
        var last = new TaskCompletionSource<Exception?>();
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
    public async Task FailedSync_IsFinal_EvenWhenTheNextSyncWouldSucceed()
    {
        var syncs = 0;
        var diskError = new IOException("fdatasync: input/output error");
        using var syncer = new WalSyncer(Path.Combine(directory, "ledger.db"), () => Interlocked.Increment(ref syncs) == 1 ? diskError : null);

        var first = new TaskCompletionSource<Exception?>();
        syncer.AfterSync(first.SetResult);
        Assert.Same(diskError, await first.Task.WaitAsync(Patience));

        // Linux may report a writeback error once and then sync "successfully" with the failed pages gone.
        var later = new TaskCompletionSource<Exception?>();
        syncer.AfterSync(later.SetResult);
        Assert.Same(diskError, await later.Task.WaitAsync(Patience));
    }

    [Fact]
    public void AfterDispose_AnAction_IsRefusedAsClosed()
    {
        var syncer = new WalSyncer(Path.Combine(directory, "ledger.db"));
        syncer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => syncer.AfterSync(_ => { }));
    }
}
