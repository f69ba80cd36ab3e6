using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Checkpoints;
using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>
/// The single writer of the log file. Each <see cref="WriteAsync{T}"/> is one transaction: entries, tree nodes,
/// the compare-and-swap of the log head and the signed checkpoint for the new size commit together, so a
/// receipt (returned after commit) always has a checkpoint covering it and a crash leaves either all or nothing.
/// </summary>
internal sealed class LogWriter : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly SqliteConnection connection;
    private readonly EntryWriter writer;
    private readonly NoteSigner signer;
    private readonly TimeProvider time;
    private TreeFrontier frontier;
    private LedgerCheckpoint latest;

    private LogWriter(LedgerStore store, SqliteConnection connection, NoteSigner signer, TimeProvider time, TreeFrontier frontier, LedgerCheckpoint latest)
    {
        Store = store;
        this.connection = connection;
        writer = new EntryWriter(connection);
        this.signer = signer;
        this.time = time;
        this.frontier = frontier;
        this.latest = latest;
    }

    public LedgerStore Store { get; }

    /// <summary>The writer's own connection (used under the writer lock only).</summary>
    public SqliteConnection Connection => connection;

    /// <summary>The newest committed checkpoint.</summary>
    public LedgerCheckpoint Latest => Volatile.Read(ref latest);

    public static async Task<LogWriter> OpenAsync(LedgerStore store, NoteSigner signer, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken);
        try
        {
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
            var log = new LogWriter(store, connection, signer, time, frontier, new LedgerCheckpoint(size, root, note ?? ""));
            if (note is null)
            {
                // A fresh log (or one whose last checkpoint is missing) gets a checkpoint for its current size.
                await log.WriteAsync(_ => 0, cancellationToken, forceCheckpoint: true);
            }

            return log;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="body"/> in one write transaction and publishes a checkpoint when it appended anything.</summary>
    public Task<T> WriteAsync<T>(Func<WriteBatch, T> body, CancellationToken cancellationToken) => WriteAsync(body, cancellationToken, forceCheckpoint: false);

    public async ValueTask DisposeAsync()
    {
        writer.Dispose();
        await connection.DisposeAsync();
        gate.Dispose();
    }

    private async Task<T> WriteAsync<T>(Func<WriteBatch, T> body, CancellationToken cancellationToken, bool forceCheckpoint)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var oldSize = frontier.Size;
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            using var transaction = writer.Begin();
            var batch = new WriteBatch(connection, transaction, writer, frontier.Clone(), now);
            var result = body(batch);
            LedgerCheckpoint? published = null;
            if (batch.Appended > 0 || forceCheckpoint)
            {
                published = Publish(batch.Frontier, oldSize, now);
            }

            transaction.Commit();
            frontier = batch.Frontier;
            if (published is not null)
            {
                Volatile.Write(ref latest, published);
            }

            foreach (var action in batch.AfterCommit)
            {
                action();
            }

            return result;
        }
        finally
        {
            gate.Release();
        }
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
