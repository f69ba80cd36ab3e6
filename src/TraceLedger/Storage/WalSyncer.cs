using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TraceLedger.Storage;

/// <summary>
/// Makes the single writer's commits durable on a thread of its own, so the writer goes on with the next transaction
/// while the disk syncs the last one (pipelined group commit). The writer commits with <c>synchronous=NORMAL</c>:
/// SQLite writes the WAL frames but does not sync them. It then hands this class what to do once the commit is durable
/// (answer the callers, publish the signed checkpoint). This thread takes everything handed over so far, syncs the
/// WAL file once (<c>fdatasync</c> on Linux: the WAL is rewritten in place, so its size and blocks rarely change and
/// there is no inode update to journal), and runs those actions in commit order. A commit handed over before a sync
/// started is covered by it: the sync flushes every page of the file written before it.
/// A sync may also be put off for a while (<see cref="AfterSync"/> with a delay): for commits whose callers were answered
/// already, a sync at once would only cost the disk and the CPU what one a few milliseconds later does for many.
/// A process crash loses nothing committed (the frames are in the OS's cache). A power loss can take back commits
/// whose sync had not ended, and those only: no checkpoint covers them, and of their callers only those answered at
/// commit were answered (see <see cref="TraceLedger.Log.AnswerPoint"/>).
/// A failed sync is final: Linux reports a writeback error once and may then sync again "successfully" with the failed
/// pages lost, so every later action gets the first failure too (as PostgreSQL does after fsync fails), until the
/// ledger is reopened and recovery reads what the file really holds.
/// </summary>
internal sealed partial class WalSyncer : IDisposable
{
    /// <summary>The longest a sync may be put off (a wait the sync thread can make in one call).</summary>
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    private readonly BlockingCollection<AfterSyncAction> committed = new(new ConcurrentQueue<AfterSyncAction>());
    private readonly FileStream wal;
    private readonly Func<Exception?> sync;
    private readonly Thread loop;
    private Exception? failed;

    /// <summary>
    /// Opens the WAL of the database at <paramref name="databasePath"/> and starts the sync thread. A second descriptor
    /// is safe on this file only: SQLite keeps its POSIX locks on the database and -shm files, and closing any
    /// descriptor of a file would drop the process's locks on that file. <paramref name="sync"/> stands in for the
    /// real sync when given (tests: a disk that fails).
    /// </summary>
    public WalSyncer(string databasePath, Func<Exception?>? sync = null)
    {
        wal = new FileStream(databasePath + "-wal", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        this.sync = sync ?? Sync;
        loop = new Thread(Run) { IsBackground = true, Name = "WAL sync" };
        loop.Start();
    }

    /// <summary>
    /// Runs <paramref name="durable"/> on the sync thread after a sync that started after this call, with null, or
    /// with the exception when the sync failed (then nothing written before it is known to be on disk). The sync starts
    /// at once, or at most <paramref name="delay"/> later (sooner when another action is handed over without one).
    /// </summary>
    public void AfterSync(Action<Exception?> durable, TimeSpan delay = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delay, MaxDelay);
        try
        {
            committed.Add(new AfterSyncAction(durable, Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency)));
        }
        catch (InvalidOperationException e)
        {
            throw new ObjectDisposedException("The ledger is closed.", e);
        }
    }

    /// <summary>Runs what is still handed over, then stops.</summary>
    public void Dispose()
    {
        if (Thread.CurrentThread == loop)
        {
            throw new InvalidOperationException("The WAL sync thread cannot be stopped from an action it runs: it would wait for itself.");
        }

        committed.CompleteAdding();
        loop.Join();
        committed.Dispose();
        wal.Dispose();
    }

    private void Run()
    {
        var batch = new List<AfterSyncAction>();
        while (committed.TryTake(out var first, Timeout.Infinite))
        {
            // Takes what is handed over until the earliest sync it asks for is due (at once, for most).
            batch.Clear();
            var due = long.MaxValue;
            for (var next = first; ;)
            {
                batch.Add(next);
                due = Math.Min(due, next.SyncBy);
                if (committed.TryTake(out next))
                {
                    continue;
                }

                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait <= TimeSpan.Zero || !committed.TryTake(out next, wait))
                {
                    break;
                }
            }

            failed ??= sync();
            foreach (var action in batch)
            {
                try
                {
                    action.Durable(failed);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The actions only complete tasks and publish values; should one throw, the others must still run
                    // and this thread must live on, or every later write would wait forever.
                    System.Diagnostics.Trace.TraceError($"WAL sync: an action after the sync failed: {e}");
                }
            }
        }
    }

    private Exception? Sync()
    {
        try
        {
            if (!OperatingSystem.IsLinux())
            {
                wal.Flush(flushToDisk: true);
                return null;
            }

            return FdataSync(wal.SafeFileHandle) == 0 ? null
                : new IOException($"fdatasync of {wal.Name} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
        catch (IOException e)
        {
            return e;
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int FdataSync(SafeFileHandle fd);

    /// <summary>An action handed over, and the <see cref="Stopwatch"/> timestamp by which its sync must start.</summary>
    private readonly record struct AfterSyncAction(Action<Exception?> Durable, long SyncBy);
}
