using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Checkpoints;
using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>
/// The single writer of the log file. Writes queue up and one loop runs them in order, each in a transaction:
/// entries, tree nodes, the compare-and-swap of the log head and the signed checkpoint for the new size commit
/// together, so a receipt (returned after commit) always has a checkpoint covering it and a crash leaves either all
/// or nothing. Consecutive <em>grouped</em> writes (verification records: all their state is in the transaction)
/// share one transaction, each inside its own savepoint, so one fsync makes a whole group durable (group commit)
/// and one failing body rolls back only its own changes; a new group of them starts at most once per
/// <see cref="GroupWindow"/> unless many wait, so writes arriving one by one still share commits. A caller is answered
/// once its commit is durable (or, when it asked for <see cref="AnswerPoint.Committed"/>, at commit, unless an earlier
/// commit that waits for the disk is not yet synced), and a signed checkpoint is published only once durable: the
/// commit writes the WAL without syncing it, and the <see cref="WalSyncer"/> syncs it on its own thread while this
/// loop runs the next transaction.
/// The loop has a thread of its own: its SQLite calls block, and a write queued while it waits wakes it directly,
/// not through the thread pool's queue behind the requests that are waiting for it.
/// </summary>
internal sealed class LogWriter : IAsyncDisposable
{
    /// <summary>Upper bound of writes per group: keeps one transaction (and the first caller's wait) short.</summary>
    internal const int MaxGroup = 256;

    /// <summary>
    /// Grouped writes start a new group at most this often while fewer than <see cref="FullEnough"/> wait: the writer
    /// sleeps out the rest of the window, and what arrived meanwhile shares the group. Without it, evenly spaced
    /// verifications (5,000/s) nearly each got a commit of their own (1.5-1.7 per commit): the writer's thread was busy
    /// nearly half the time, and with its CPU on 2 cores shared with HTTP the p99 of verify over HTTP was 14-23 ms
    /// answered after the WAL sync, 16.6 ms answered at commit (p50 0.46 ms). With the window about 6 share a commit,
    /// the writer is busy about 25 % and, answered at commit, the p99 was 3.9-5.1 ms (half the window: 3.3 per commit,
    /// 6.0 ms). It costs a write at most the window: the p50 is 1.2 ms.
    /// </summary>
    internal static readonly TimeSpan GroupWindow = TimeSpan.FromMilliseconds(1);

    /// <summary>Writes waiting that make a group worth starting at once, window or not.</summary>
    internal const int FullEnough = 8;

    /// <summary>
    /// How long the WAL sync after a commit whose callers were all answered at commit (<see cref="AnswerPoint.Committed"/>)
    /// may wait, so one sync covers many such commits; a durable write's sync covers them sooner, and so do SQLite's
    /// background checkpoint passes (<see cref="WalCheckpointer"/>), which sync the WAL before copying it back. Measured on
    /// verify over HTTP at 5,000 req/s (same-hour runs): each such commit synced at once (about 1,000 syncs/s), p99 6.2 ms;
    /// the sync put off 3 ms, 4.7 ms; 10 ms, 3.4-5.1 ms over six runs; 50 ms, 3.9 ms in each of four runs.
    /// </summary>
    internal static readonly TimeSpan CommittedSyncDelay = TimeSpan.FromMilliseconds(50);

    private readonly BlockingCollection<PendingWrite> queue = new(new ConcurrentQueue<PendingWrite>());
    private readonly SqliteConnection connection;
    private readonly EntryWriter writer;
    private readonly NoteSigner signer;
    private readonly TimeProvider time;
    private readonly WalCheckpointer walCheckpointer;
    private readonly WalSyncer syncer;
    private readonly TimeSpan committedSyncDelay;
    private readonly Task loop;

    // Prepared once: SqliteTransaction.Save/Release/Rollback(name) parse their statement on every call.
    private readonly SqliteCommand savepoint;
    private readonly SqliteCommand release;
    private readonly SqliteCommand rollbackTo;
    private TreeFrontier frontier;
    private LedgerCheckpoint latest;
    private WriterStatistics statistics = new(0, 0, TimeSpan.Zero, TimeSpan.Zero);
    private Exception? fault;

    // Commits with writes answered only once durable (or a checkpoint) whose sync has not ended yet: raised by this
    // loop when it hands one over, lowered on the sync thread after that sync. While above zero, a write answered at
    // commit could rest on a change a power loss may still take back, so it waits for the sync too.
    private int durableCommitsUnsynced;

    // Answer times by bucket (see WriteAnswerTimes); counted on the writer's or the sync thread, read by Statistics.
    private readonly long[] answerTimes = new long[WriteAnswerTimes.BoundsMs.Length + 1];

    private LogWriter(
        LedgerStore store, SqliteConnection connection, WalCheckpointer walCheckpointer, Func<Exception?>? walSync, TimeSpan committedSyncDelay, NoteSigner signer, TimeProvider time, TreeFrontier frontier, LedgerCheckpoint latest)
    {
        this.committedSyncDelay = committedSyncDelay;
        this.walCheckpointer = walCheckpointer;
        Store = store;
        this.connection = connection;
        writer = new EntryWriter(connection);
        this.signer = signer;
        this.time = time;
        this.frontier = frontier;
        this.latest = latest;
        savepoint = Prepared(connection, "SAVEPOINT grouped_write;");
        release = Prepared(connection, "RELEASE grouped_write;");
        rollbackTo = Prepared(connection, "ROLLBACK TO grouped_write;");
        syncer = new WalSyncer(store.Path, walSync); // last: a thread of its own, nothing after it can fail
        loop = Task.Factory.StartNew(Drain, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public LedgerStore Store { get; }

    /// <summary>The writer's own connection (used by the write loop only).</summary>
    public SqliteConnection Connection => connection;

    /// <summary>Syncs the WAL after the commits and then answers them.</summary>
    internal WalSyncer Syncer => syncer;

    /// <summary>The newest durable checkpoint.</summary>
    public LedgerCheckpoint Latest => Volatile.Read(ref latest);

    /// <summary>
    /// Null while writes are taken; else why they are refused: the in-memory state (device counters, the rules'
    /// caches) failed to follow a committed write, so later decisions could rest on stale state until a reopen
    /// reloads it from the file.
    /// </summary>
    public Exception? Fault => Volatile.Read(ref fault);

    /// <summary>The writer's counters since open.</summary>
    public WriterStatistics Statistics => Volatile.Read(ref statistics) with { AnswerTimes = new WriteAnswerTimes([.. AnswerTimesNow()]) };

    /// <summary>
    /// Opens the writer; <paramref name="walSync"/> stands in for the WAL's fdatasync when set (tests), and
    /// <paramref name="committedSyncDelay"/> is how long the sync after a commit answered at commit may wait.
    /// </summary>
    public static async Task<LogWriter> OpenAsync(LedgerStore store, NoteSigner signer, TimeProvider time, Func<Exception?>? walSync, TimeSpan committedSyncDelay, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(committedSyncDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(committedSyncDelay, WalSyncer.MaxDelay);
        var connection = await store.OpenConnectionAsync(cancellationToken);
        await using (var normal = connection.CreateCommand())
        {
            // The WalSyncer syncs the WAL after each commit, off this connection's thread (see there).
            normal.CommandText = "PRAGMA synchronous=NORMAL;";
            await normal.ExecuteNonQueryAsync(cancellationToken);
        }

        WalCheckpointer? walCheckpointer = null;
        LogWriter? log = null;
        try
        {
            walCheckpointer = await WalCheckpointer.StartAsync(store, connection, cancellationToken);
            long size;
            byte[] root;
            await using (var state = connection.CreateCommand())
            {
                state.CommandText = "SELECT tree_size, root_hash FROM log_state WHERE id = 1;";
                await using var reader = await state.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                size = reader.GetInt64(0);
                root = (byte[])reader.GetValue(1);
            }

            TreeFrontier frontier;
            using (var nodes = new TreeReader(connection))
            {
                frontier = TreeFrontier.Load(size, nodes.PerfectSubtree);
            }

            if (!frontier.Root().AsSpan().SequenceEqual(root))
            {
                throw new InvalidOperationException($"The stored tree of size {size} does not hash to the recorded root; run verify-log.");
            }

            var note = await LatestNoteAsync(connection, size, cancellationToken);
            log = new LogWriter(store, connection, walCheckpointer, walSync, committedSyncDelay, signer, time, frontier, new LedgerCheckpoint(size, root, note ?? ""));
            if (note is null)
            {
                // A fresh log (or one whose last checkpoint is missing) gets a checkpoint for its current size.
                await log.EnqueueAsync(_ => 0, grouped: false, AnswerPoint.Durable, forceCheckpoint: true, cancellationToken);
            }

            return log;
        }
        catch
        {
            if (log is not null)
            {
                await log.DisposeAsync();
            }
            else
            {
                if (walCheckpointer is not null)
                {
                    await walCheckpointer.DisposeAsync();
                }

                await connection.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Runs <paramref name="body"/> alone in one write transaction and publishes a checkpoint when it appended anything.</summary>
    public Task<T> WriteAsync<T>(Func<WriteBatch, T> body, CancellationToken cancellationToken) =>
        EnqueueAsync(body, grouped: false, AnswerPoint.Durable, forceCheckpoint: false, cancellationToken);

    /// <summary>
    /// Runs <paramref name="body"/> in a transaction it may share with other grouped writes queued at the same time
    /// (its own savepoint: when it throws, only its changes roll back). The body must keep all its state in the
    /// transaction (no in-memory state that a later body of the same group would need). Completes once the commit is
    /// durable, or at commit (<paramref name="answerPoint"/>).
    /// </summary>
    public Task<T> WriteGroupedAsync<T>(Func<WriteBatch, T> body, AnswerPoint answerPoint, CancellationToken cancellationToken) =>
        EnqueueAsync(body, grouped: true, answerPoint, forceCheckpoint: false, cancellationToken);

    /// <summary>
    /// Completes once every commit made so far is durable. A reader that must not pass on a commit a power loss could
    /// take back (the notification feed) awaits this after its read: whatever its snapshot saw was committed before.
    /// </summary>
    public Task WhenDurableAsync(CancellationToken cancellationToken)
    {
        var durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        syncer.AfterSync(failure =>
        {
            if (failure is null)
            {
                durable.TrySetResult();
            }
            else
            {
                durable.TrySetException(failure);
            }
        });
        return durable.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Writes already queued still run and are answered once durable; then the loop ends and the connection closes.
        queue.CompleteAdding();
        await loop;
        syncer.Dispose();
        queue.Dispose();
        await walCheckpointer.DisposeAsync();
        savepoint.Dispose();
        release.Dispose();
        rollbackTo.Dispose();
        writer.Dispose();
        await connection.DisposeAsync();
    }

    private Task<T> EnqueueAsync<T>(Func<WriteBatch, T> body, bool grouped, AnswerPoint answerPoint, bool forceCheckpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWriteOf<T>(body, grouped, answerPoint, forceCheckpoint, cancellationToken);
        try
        {
            queue.Add(write, CancellationToken.None);
        }
        catch (InvalidOperationException e)
        {
            throw new ObjectDisposedException("The ledger is closed.", e);
        }

        return write.Task;
    }

    /// <summary>The write loop, on its own thread; ends when the queue is completed and empty.</summary>
    private void Drain()
    {
        var group = new List<PendingWrite>(MaxGroup);
        var window = (long)(GroupWindow.TotalSeconds * Stopwatch.Frequency);
        var groupStarted = long.MinValue / 2;
        PendingWrite? carried = null;
        while (carried is not null || queue.TryTake(out carried, Timeout.Infinite))
        {
            var first = carried;
            carried = null;
            if (!first.TryClaim())
            {
                continue;
            }

            if (first.Grouped && queue.Count < FullEnough - 1)
            {
                PreciseSleep.Until(groupStarted + window);
            }

            groupStarted = Stopwatch.GetTimestamp();
            group.Clear();
            group.Add(first);
            while (first.Grouped && group.Count < MaxGroup && queue.TryTake(out var next))
            {
                if (!next.Grouped)
                {
                    carried = next; // an exclusive write runs alone, in queue order, after this group
                    break;
                }

                if (next.TryClaim())
                {
                    group.Add(next);
                }
            }

            Run(group);
        }
    }

    /// <summary>Runs the writes in one transaction and answers each of them; never throws (the loop must go on).</summary>
    private void Run(List<PendingWrite> group)
    {
        if (Fault is { } lost)
        {
            foreach (var write in group)
            {
                write.Fail(new InvalidOperationException($"The ledger refuses writes until it is reopened: {lost.Message}", lost));
            }

            return;
        }

        var started = Stopwatch.GetTimestamp();
        var committing = TimeSpan.Zero;
        var shared = group.Count > 1;
        var done = new List<(PendingWrite Write, List<Action> AfterCommit)>(group.Count);
        var committed = false;
        Action? answer = null;
        try
        {
            var oldSize = frontier.Size;
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var work = frontier;
            var appended = 0;
            var force = false;
            LedgerCheckpoint? published = null;
            using (var transaction = writer.Begin())
            {
                foreach (var write in group)
                {
                    var batch = new WriteBatch(connection, transaction, writer, work.Clone(), now);
                    if (!RunOne(write, batch, transaction, shared))
                    {
                        continue;
                    }

                    work = batch.Frontier;
                    appended += batch.Appended;
                    force |= write.ForceCheckpoint;
                    done.Add((write, batch.AfterCommit));
                }

                published = appended > 0 || force ? Publish(work, oldSize, now) : null;
                var commitStart = Stopwatch.GetTimestamp();
                transaction.Commit();
                committing = Stopwatch.GetElapsedTime(commitStart);
                committed = true;
                walCheckpointer.Committed();
                frontier = work;
            }

            // The in-memory state follows at once: the next transaction of this loop builds on this one.
            foreach (var (_, afterCommit) in done)
            {
                RunAfterCommit(afterCommit);
            }

            answer = () => AnswerAtCommit(done, published);
        }
        catch (Exception e)
        {
            // A failed commit (or a failure a savepoint could not contain) fails every write not yet answered:
            // none of them is durable, so none may be answered as if it were. Answered writes ignore this.
            foreach (var write in group)
            {
                write.Fail(e);
            }
        }
        finally
        {
            var previous = statistics;
            Volatile.Write(ref statistics, new WriterStatistics(
                previous.Writes + group.Count,
                previous.Commits + (committed ? 1 : 0),
                previous.Busy + Stopwatch.GetElapsedTime(started),
                previous.Committing + committing,
                walCheckpointer.Counts));

            // Answered once counted, so a caller that reads the statistics after its answer finds its commit.
            answer?.Invoke();
        }
    }

    /// <summary>
    /// Answers a commit whose writes all asked for <see cref="AnswerPoint.Committed"/> now, and lets its sync wait up to
    /// the committed-sync delay; unless an earlier commit that waits for the disk is not yet synced, or a sync failed
    /// (what these writes read may rest on that commit). Any other commit is answered, and its checkpoint published,
    /// after its sync.
    /// </summary>
    private void AnswerAtCommit(List<(PendingWrite Write, List<Action> AfterCommit)> done, LedgerCheckpoint? published)
    {
        var waitsForDisk = published is not null || done.Exists(d => d.Write.AnswerPoint == AnswerPoint.Durable);
        // The fault is set before a failed sync's commit leaves the count, so a count of 0 with no fault means every
        // earlier commit that waits for the disk is on it.
        if (!waitsForDisk && Volatile.Read(ref durableCommitsUnsynced) == 0 && Fault is null)
        {
            foreach (var (write, _) in done)
            {
                Complete(write);
            }

            syncer.AfterSync(failure => AnswerDurable([], null, failure), committedSyncDelay);
            return;
        }

        if (waitsForDisk)
        {
            Interlocked.Increment(ref durableCommitsUnsynced);
        }

        syncer.AfterSync(failure =>
        {
            try
            {
                AnswerDurable(done, published, failure);
            }
            finally
            {
                if (waitsForDisk)
                {
                    Interlocked.Decrement(ref durableCommitsUnsynced); // else every later verification would wait for a sync
                }
            }
        });
    }

    /// <summary>
    /// Answers a commit's writes once the sync after it ended (on the sync thread, in commit order), and publishes its
    /// checkpoint. When the sync failed, nothing since the last good one is known to be on disk: the writes fail and
    /// the ledger refuses writes until it is reopened (recovery reads what the file really holds).
    /// </summary>
    private void AnswerDurable(List<(PendingWrite Write, List<Action> AfterCommit)> done, LedgerCheckpoint? published, Exception? syncFailure)
    {
        if (syncFailure is not null)
        {
            var lost = new InvalidOperationException($"a commit could not be made durable ({syncFailure.Message})", syncFailure);
            Interlocked.CompareExchange(ref fault, lost, null);
            foreach (var (write, _) in done)
            {
                write.Fail(lost);
            }

            return;
        }

        if (published is not null)
        {
            Volatile.Write(ref latest, published);
        }

        foreach (var (write, _) in done)
        {
            Complete(write); // durable: answered as such even when its after-commit work failed
        }
    }

    private void Complete(PendingWrite write)
    {
        // Counted before the answer, so a caller that reads the statistics after its answer finds it counted.
        Interlocked.Increment(ref answerTimes[WriteAnswerTimes.Bucket(Stopwatch.GetElapsedTime(write.QueuedAt).TotalMilliseconds)]);
        write.Complete();
    }

    private long[] AnswerTimesNow()
    {
        var now = new long[answerTimes.Length];
        for (var i = 0; i < now.Length; i++)
        {
            now[i] = Interlocked.Read(ref answerTimes[i]);
        }

        return now;
    }

    /// <summary>Runs a committed write's after-commit work; a failure stops all later writes (see <see cref="Fault"/>).</summary>
    private void RunAfterCommit(List<Action> afterCommit)
    {
        try
        {
            foreach (var action in afterCommit)
            {
                action();
            }
        }
        catch (Exception e)
        {
            Volatile.Write(ref fault, new InvalidOperationException($"the in-memory state failed to follow a committed write ({e.Message})", e));
        }
    }

    /// <summary>Runs one body; in a shared transaction a failing body is rolled back to its savepoint and answered at once.</summary>
    private bool RunOne(PendingWrite write, WriteBatch batch, SqliteTransaction transaction, bool shared)
    {
        if (!shared)
        {
            write.Execute(batch);
            return true;
        }

        Execute(savepoint, transaction);
        try
        {
            write.Execute(batch);
        }
        catch (Exception e)
        {
            Execute(rollbackTo, transaction);
            Execute(release, transaction);
            write.Fail(e);
            return false;
        }

        Execute(release, transaction);
        return true;
    }

    private static SqliteCommand Prepared(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Execute(SqliteCommand command, SqliteTransaction transaction)
    {
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private LedgerCheckpoint Publish(TreeFrontier work, long oldSize, long now)
    {
        var root = work.Root();
        if (!writer.CompareAndSwapState(oldSize, work.Size, root))
        {
            throw new InvalidOperationException($"Another writer moved the log past size {oldSize}; this process is not the only writer of {Store.Path}.");
        }

        var note = signer.Sign(new Checkpoint(signer.Name, work.Size, root).ToNoteText()).Format();
        writer.UpsertCheckpoint(new CheckpointRow { TreeSize = work.Size, RootHash = root, SignedNote = note, CreatedAtMs = now });
        return new LedgerCheckpoint(work.Size, root, note);
    }

    private static async Task<string?> LatestNoteAsync(SqliteConnection connection, long size, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT signed_note FROM checkpoints WHERE tree_size = $size;";
        command.Parameters.AddWithValue("$size", size);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
