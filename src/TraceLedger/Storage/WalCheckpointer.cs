using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TraceLedger.Log;

namespace TraceLedger.Storage;

/// <summary>
/// Takes SQLite's WAL checkpoints (copying committed pages from the -wal file back into the database file; nothing
/// to do with the log's signed checkpoints) off the single writer. By default SQLite runs one in the connection that
/// commits, right after a commit that left 1,000 pages in the WAL: with a million packs that pass copies a thousand
/// random pages and fsyncs the database file while every write queued behind it waits, which made the p99 of verify
/// over HTTP about ten times its p50. Here a background connection copies the pages while the writer goes on
/// (PASSIVE: it never blocks the writer). Once a pass has copied everything, the writer's next transaction starts the
/// WAL over, so the file stays small. Should the writer never find the WAL fully copied (it commits during every
/// pass), its own automatic checkpoint at <see cref="WriterAutoCheckpointPages"/> bounds the file.
/// Passes are small and frequent: one as soon as <see cref="PassInterval"/> has gone by since the last began and
/// something was committed. The disk's cache flush that ends each WAL sync also writes out whatever a pass copied
/// since the flush before, so a big pass makes the next WAL syncs wait. Measured on verify over HTTP at 5,000 req/s:
/// a pass every 32 commits (about 80 ms) gave a WAL sync p99 of 7.6 ms, every 4 commits 3.4 ms, after each 2.3 ms.
/// </summary>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    /// <summary>The writer's own automatic checkpoint (40 MB of WAL): only reached when the WAL never starts over.</summary>
    internal const int WriterAutoCheckpointPages = 10_000;

    internal static readonly TimeSpan PassInterval = TimeSpan.FromMilliseconds(5);

    private readonly SqliteConnection connection;
    private readonly SqliteCommand pass;
    private readonly SemaphoreSlim due = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private long commits;
    private long passedAt;
    private long passes;
    private long failures;

    private WalCheckpointer(SqliteConnection connection)
    {
        this.connection = connection;
        pass = connection.CreateCommand();
        pass.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        // A thread of its own: a pass blocks for as long as it copies pages and fsyncs the file.
        loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Background passes run, and passes that failed (the writer's bound still holds).</summary>
    public WalCheckpointCounts Counts => new(Interlocked.Read(ref passes), Interlocked.Read(ref failures));

    /// <summary>Starts the background passes on a connection of its own, and sets <paramref name="writer"/>'s own bound.</summary>
    public static async Task<WalCheckpointer> StartAsync(LedgerStore store, SqliteConnection writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(writer);
        await using (var bound = writer.CreateCommand())
        {
            bound.CommandText = $"PRAGMA wal_autocheckpoint={WriterAutoCheckpointPages};";
            await bound.ExecuteNonQueryAsync(cancellationToken);
        }

        return new WalCheckpointer(await store.OpenConnectionAsync(cancellationToken));
    }

    /// <summary>Called by the writer after each commit; wakes the background pass.</summary>
    public void Committed()
    {
        Interlocked.Increment(ref commits);
        if (due.CurrentCount == 0)
        {
            due.Release(); // only the writer releases, so the count cannot pass 1
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await loop;
        pass.Dispose();
        await connection.DisposeAsync();
        due.Dispose();
        stopping.Dispose();
    }

    private void Run()
    {
        var lastPass = 0L;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                due.Wait(stopping.Token);
                var wait = PassInterval - Stopwatch.GetElapsedTime(lastPass);
                if (wait > TimeSpan.Zero && stopping.Token.WaitHandle.WaitOne(wait))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var seen = Interlocked.Read(ref commits);
            if (seen == passedAt)
            {
                continue;
            }

            passedAt = seen;
            lastPass = Stopwatch.GetTimestamp();
            try
            {
                pass.ExecuteNonQuery();
                Interlocked.Increment(ref passes);
            }
            catch (SqliteException)
            {
                // Nothing is lost: the pages stay in the WAL, the next pass or the writer's own bound copies them.
                Interlocked.Increment(ref failures);
            }
        }
    }
}
