using Microsoft.Data.Sqlite;
using TraceLedger.Log;

namespace TraceLedger.Storage;

/// <summary>
/// Takes SQLite's WAL checkpoints (copying committed pages from the -wal file back into the database file; nothing
/// to do with the log's signed checkpoints) off the single writer. By default SQLite runs one in the connection that
/// commits, right after a commit that left 1,000 pages in the WAL: with a million packs that pass copies a thousand
/// random pages and fsyncs the database file while every write queued behind it waits, which made the p99 of verify
/// over HTTP about ten times its p50. Here a background connection copies the pages every few commits while the
/// writer goes on (PASSIVE: it never blocks the writer). Once a pass has copied everything, the writer's next
/// transaction starts the WAL over, so the file stays small. Should the writer never find the WAL fully copied (it
/// commits during every pass), its own automatic checkpoint at <see cref="WriterAutoCheckpointPages"/> bounds the
/// file, and then has little left to copy.
/// </summary>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    /// <summary>The writer's own automatic checkpoint (40 MB of WAL): only reached when the WAL never starts over.</summary>
    internal const int WriterAutoCheckpointPages = 10_000;

    private const int CommitsPerPass = 32;
    private static readonly TimeSpan IdlePass = TimeSpan.FromMilliseconds(100);

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

    /// <summary>Called by the writer after each commit; wakes the background pass every few commits.</summary>
    public void Committed()
    {
        if (Interlocked.Increment(ref commits) % CommitsPerPass == 0 && due.CurrentCount == 0)
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
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                due.Wait(IdlePass, stopping.Token);
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
