using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TraceChain.Protocol.Merkle;
using TraceLedger.Storage;

namespace TraceChain.Bench.Synthesis;

/// <summary>
/// Writes a log of any length straight into the ledger's tables: each entry row with its RFC 9162 leaf hash, every
/// perfect subtree node the append path would store (the Protocol's <see cref="MerkleProofs.CompletedSubtrees"/>,
/// the same function the ledger's frontier uses), and the log head. The result is row for row what appending the
/// same entries one by one makes, without the per-hop signature checks and transactions.
/// </summary>
public static class LogSynthesizer
{
    private const int Chunk = 1 << 12;

    /// <summary>
    /// Fills an empty log with <paramref name="count"/> entries; <paramref name="entryAt"/>(seq) gives each entry's
    /// kind, bytes, content hash, device, counter and time (its seq and leaf hash are set here). Returns the root.
    /// </summary>
    public static byte[] Write(SqliteConnection connection, long count, Func<long, EntryRow> entryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entryAt);
        using var model = new LedgerDbContext(new DbContextOptionsBuilder<LedgerDbContext>().UseSqlite(connection).Options);
        if (model.LogState.Single().TreeSize != 0 || model.Entries.Any())
        {
            throw new InvalidOperationException("The log synthesizer fills an empty log only.");
        }

        using var entries = new ModelTable<EntryRow>(model, connection);
        using var nodes = new ModelTable<TreeNodeRow>(model, connection);
        var frontier = new Frontier();
        var rows = new EntryRow[Chunk];
        for (long start = 0; start < count; start += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = (int)Math.Min(Chunk, count - start);

            // Entry bytes and leaf hashes in parallel; the tree and the inserts in order.
            Parallel.For(0, n, j =>
            {
                var row = entryAt(start + j);
                row.Seq = start + j;
                row.LeafHash = MerkleHash.Leaf(row.EntryBytes);
                rows[j] = row;
            });
            using var transaction = connection.BeginTransaction();
            for (var j = 0; j < n; j++)
            {
                entries.Insert(rows[j]);
                foreach (var (index, level, hash) in frontier.Append(rows[j].Seq, rows[j].LeafHash))
                {
                    nodes.Insert(new TreeNodeRow { Level = level, Index = index, Hash = hash });
                }
            }

            transaction.Commit();
        }

        var root = frontier.Root(count);
        var state = model.LogState.Single();
        state.TreeSize = count;
        state.RootHash = root;
        model.SaveChanges();
        return root;
    }

    /// <summary>The pending perfect subtree at each level (the right edge of the tree), as in the ledger's writer.</summary>
    private sealed class Frontier
    {
        private readonly (long Index, byte[]? Hash)[] pending = new (long, byte[]?)[64];

        /// <summary>Appends leaf <paramref name="seq"/>; yields the interior nodes (level >= 1) it completes.</summary>
        public IEnumerable<(long Index, int Level, byte[] Hash)> Append(long seq, byte[] leafHash)
        {
            var completed = MerkleProofs.CompletedSubtrees(seq, leafHash, Find);
            var top = completed[^1];
            pending[top.Level] = (top.Index, top.Hash);
            return completed.Skip(1);
        }

        public byte[] Root(long size) => MerkleProofs.Root(size, Find);

        private byte[] Find(long index, int level) =>
            pending[level] is { Hash: { } hash } node && node.Index == index
                ? hash
                : throw new InvalidOperationException($"No pending subtree ({level}, {index}) on the right edge.");
    }
}
