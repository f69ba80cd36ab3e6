using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Proofs;
using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>
/// Read side: entries, proofs and bundles from stored subtree hashes (O(log n) point reads per proof). Any size up
/// to the newest checkpoint is answerable, because stored nodes never change once written.
/// </summary>
internal sealed class LedgerReader(LedgerStore store, LogWriter log)
{
    public async Task<LedgerEntry?> GetEntryAsync(long seq, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, kind, entry_bytes, leaf_hash, device_id, counter, received_at_ms FROM entries WHERE seq = $seq;";
        command.Parameters.AddWithValue("$seq", seq);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || seq >= log.Latest.TreeSize)
        {
            return null;
        }

        return new LedgerEntry(
            reader.GetInt64(0),
            (EntryKind)reader.GetInt32(1),
            (byte[])reader.GetValue(2),
            (byte[])reader.GetValue(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetInt64(5),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)));
    }

    /// <summary>The entries about <paramref name="itemKey"/>, newest first, by walking its chain from the head.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> ItemHistoryAsync(string itemKey, int limit, CancellationToken cancellationToken)
    {
        var published = log.Latest.TreeSize;
        var seqs = new List<long>();
        await using (var connection = await store.OpenConnectionAsync(cancellationToken))
        await using (var head = connection.CreateCommand())
        await using (var previous = connection.CreateCommand())
        {
            head.CommandText = "SELECT head_seq FROM item_heads WHERE item_key = $item;";
            head.Parameters.AddWithValue("$item", itemKey);
            previous.CommandText = "SELECT prev_seq FROM entry_items WHERE item_key = $item AND seq = $seq;";
            previous.Parameters.AddWithValue("$item", itemKey);
            var seqParameter = previous.Parameters.Add("$seq", SqliteType.Integer);
            var current = await head.ExecuteScalarAsync(cancellationToken) as long?;
            while (current is { } seq && seqs.Count < limit)
            {
                if (seq < published)
                {
                    seqs.Add(seq);
                }

                seqParameter.Value = seq;
                current = await previous.ExecuteScalarAsync(cancellationToken) as long?;
            }
        }

        var entries = new List<LedgerEntry>(seqs.Count);
        foreach (var seq in seqs)
        {
            entries.Add((await GetEntryAsync(seq, cancellationToken))!);
        }

        return entries;
    }

    public async Task<LedgerInclusionProof> InclusionProofAsync(long seq, long treeSize, CancellationToken cancellationToken)
    {
        RequireSize(treeSize);
        if (seq < 0 || seq >= treeSize)
        {
            throw new LedgerRangeException($"seq {seq} is not in a tree of size {treeSize}");
        }

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return Inclusion(connection, seq, treeSize);
    }

    public async Task<LedgerConsistencyProof> ConsistencyProofAsync(long fromSize, long toSize, CancellationToken cancellationToken)
    {
        RequireSize(toSize);
        if (fromSize < 0 || fromSize > toSize)
        {
            throw new LedgerRangeException($"size {fromSize} must be between 0 and {toSize}");
        }

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        using var nodes = new TreeReader(connection);
        var proof = MerkleProofs.ConsistencyProof(fromSize, toSize, nodes.RangeHash);
        return new LedgerConsistencyProof(fromSize, toSize, nodes.RangeHash(0, fromSize), nodes.RangeHash(0, toSize), proof);
    }

    /// <summary>Entry, inclusion proof and the newest checkpoint: everything to check the entry offline; null when no such entry.</summary>
    public async Task<ProofBundle?> BundleAsync(long seq, CancellationToken cancellationToken)
    {
        var checkpoint = log.Latest;
        if (seq < 0 || seq >= checkpoint.TreeSize)
        {
            return null;
        }

        var entry = await GetEntryAsync(seq, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var proof = Inclusion(connection, seq, checkpoint.TreeSize);
        return new ProofBundle(entry.EntryBytes, seq, proof.AuditPath, checkpoint.SignedNote);
    }

    private static LedgerInclusionProof Inclusion(SqliteConnection connection, long seq, long treeSize)
    {
        using var nodes = new TreeReader(connection);
        var path = MerkleProofs.InclusionProof(seq, treeSize, nodes.RangeHash);
        return new LedgerInclusionProof(seq, treeSize, nodes.PerfectSubtree(seq, 0), path, nodes.RangeHash(0, treeSize));
    }

    private void RequireSize(long treeSize)
    {
        var published = log.Latest.TreeSize;
        if (treeSize < 1 || treeSize > published)
        {
            throw new LedgerRangeException($"tree size {treeSize} must be between 1 and {published}, the newest checkpoint");
        }
    }
}
