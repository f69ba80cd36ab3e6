using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Signing;
using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>
/// verify-log: recomputes every leaf from its stored bytes, rebuilds the tree and compares every stored node,
/// replays registrations to check every hop signature with the key the device held at that point, and checks
/// every stored checkpoint's root and signature. Reads the file only; never trusts a stored hash it can recompute.
/// </summary>
public static class LogAudit
{
    private const int ChunkSize = 4096;

    /// <summary>Audits the database at <paramref name="databasePath"/>; checkpoints are verified with <paramref name="logPublicKey"/> (or the key file beside the database when null).</summary>
    public static async Task<LogAuditResult> RunAsync(string databasePath, CancellationToken cancellationToken, ECDsa? logPublicKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"No ledger database at {databasePath}.", databasePath);
        }

        using var ownKey = logPublicKey is null ? LoadKeyBeside(databasePath) : null;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // One read transaction: a consistent snapshot even if a server is appending meanwhile.
        await using var snapshot = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var run = new AuditRun(connection, snapshot, logPublicKey ?? ownKey);
        return await run.ExecuteAsync(cancellationToken);
    }

    private static ECDsa? LoadKeyBeside(string databasePath)
    {
        var path = databasePath + ".key";
        if (!File.Exists(path))
        {
            return null;
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }

    private sealed class AuditRun(SqliteConnection connection, SqliteTransaction snapshot, ECDsa? logKey)
    {
        private readonly List<(long Seq, string Problem)> problems = [];
        private readonly AuditKeyHistory keys = new();
        private readonly List<TreeNode> completed = [];
        private Dictionary<long, (byte[] Root, string Note)> checkpoints = [];
        private readonly TreeFrontier frontier = TreeFrontier.Load(0, (_, _) => []);
        private bool gap;
        private long checkpointsChecked;

        public async Task<LogAuditResult> ExecuteAsync(CancellationToken cancellationToken)
        {
            using var nodes = new TreeReader(connection, snapshot);
            using (keys)
            {
                var (stateSize, stateRoot) = await StateAsync(cancellationToken);
                checkpoints = await CheckpointsAsync(cancellationToken);
                if (logKey is null)
                {
                    problems.Add((long.MaxValue, "no log public key to verify checkpoint signatures with"));
                }

                CheckCheckpoint(0);
                await using var command = connection.CreateCommand();
                command.Transaction = snapshot;
                command.CommandText = "SELECT seq, kind, entry_bytes, leaf_hash, content_hash, device_id, counter FROM entries ORDER BY seq;";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var chunk = new List<AuditRow>(ChunkSize);
                while (await reader.ReadAsync(cancellationToken))
                {
                    chunk.Add(new AuditRow(
                        reader.GetInt64(0), (EntryKind)reader.GetInt32(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3),
                        (byte[])reader.GetValue(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
                    if (chunk.Count == ChunkSize && !gap)
                    {
                        Process(chunk, nodes);
                        chunk.Clear();
                    }
                }

                if (!gap)
                {
                    Process(chunk, nodes);
                }

                if (frontier.Size != stateSize)
                {
                    problems.Add((Math.Min(frontier.Size, stateSize), $"the log head says {stateSize} entries but {frontier.Size} consecutive entries are stored"));
                }
                else if (!frontier.Root().AsSpan().SequenceEqual(stateRoot))
                {
                    problems.Add((long.MaxValue, $"the log head's root hash is not the root of the {stateSize} stored entries"));
                }

                foreach (var size in checkpoints.Keys.Where(s => s > frontier.Size))
                {
                    problems.Add((frontier.Size, $"checkpoint for size {size} is beyond the {frontier.Size} stored entries"));
                }
            }

            var ordered = problems.OrderBy(p => p.Seq).ToList();
            long? first = ordered.Count > 0 && ordered[0].Seq != long.MaxValue ? ordered[0].Seq : null;
            return new LogAuditResult(frontier.Size, checkpointsChecked, first, ordered.Select(p => p.Seq == long.MaxValue ? p.Problem : $"seq {p.Seq}: {p.Problem}").ToList());
        }

        private void Process(List<AuditRow> chunk, TreeReader nodes)
        {
            foreach (var row in chunk)
            {
                Resolve(row);
            }

            Parallel.ForEach(chunk, row =>
                row.SignatureValid = row is { Hop: { } hop, Key: { } key } && hop.Verify(key.PublicKey));

            foreach (var row in chunk)
            {
                if (row.Seq != frontier.Size)
                {
                    // The tree cannot be rebuilt past a gap; what follows is reported by the size check.
                    problems.Add((frontier.Size, $"entry {frontier.Size} is missing (next stored entry is {row.Seq})"));
                    gap = true;
                    return;
                }

                if (row is { Hop: { } hop, Key: not null })
                {
                    Report(row.Seq, row.SignatureValid ? keys.CheckCounter(hop) : $"hop signature does not verify with key {hop.KeyId} of device '{hop.Hop.DeviceId}'");
                }

                completed.Clear();
                frontier.Append(row.LeafHash, completed);
                foreach (var node in completed)
                {
                    CheckNode(node, nodes);
                }

                CheckCheckpoint(frontier.Size);
            }
        }

        private void Resolve(AuditRow row)
        {
            row.LeafHash = MerkleHash.Leaf(row.EntryBytes);
            if (!row.LeafHash.AsSpan().SequenceEqual(row.StoredLeafHash))
            {
                Report(row.Seq, "stored leaf hash is not the hash of the stored entry bytes");
            }

            try
            {
                using var document = JsonDocument.Parse(row.EntryBytes);
                var root = document.RootElement;
                if (root.TryGetProperty("hop", out _))
                {
                    ResolveHop(row, SignedHop.FromElement(root));
                }
                else
                {
                    var kind = root.TryGetProperty("kind", out var k) ? k.GetString() ?? "" : "";
                    Report(row.Seq, KindOf(kind) == row.Kind ? keys.Apply(row.Seq, kind, root) : $"entry says kind '{kind}' but is stored as {row.Kind}");
                    Report(row.Seq, SHA256.HashData(row.EntryBytes).AsSpan().SequenceEqual(row.ContentHash) ? null : "stored content hash does not match the entry");
                }
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                Report(row.Seq, "entry bytes are not a valid log entry: " + e.Message);
            }
        }

        private void ResolveHop(AuditRow row, SignedHop hop)
        {
            row.Hop = hop;
            if (row.Kind != EntryKind.Hop || row.DeviceId != hop.Hop.DeviceId || row.Counter != hop.Hop.Counter)
            {
                Report(row.Seq, "stored kind, device id or counter do not match the hop");
            }

            if (!SHA256.HashData(HopCanonicalizer.Canonicalize(hop.Hop)).AsSpan().SequenceEqual(row.ContentHash))
            {
                Report(row.Seq, "stored content hash does not match the hop");
            }

            row.Key = keys.ResolveKey(row.Seq, hop, out var problem);
            Report(row.Seq, problem);
        }

        private void CheckNode(TreeNode node, TreeReader nodes)
        {
            byte[]? stored;
            try
            {
                stored = nodes.PerfectSubtree(node.Index, node.Level);
            }
            catch (InvalidOperationException)
            {
                stored = null;
            }

            if (stored is null || !stored.AsSpan().SequenceEqual(node.Hash))
            {
                // Attributed to the entry that completed the node, so a tampered leaf inside it is named first.
                var first = node.Index << node.Level;
                problems.Add((first + (1L << node.Level) - 1, $"stored tree node (level {node.Level}, index {node.Index}) over entries [{first}, {first + (1L << node.Level)}) is {(stored is null ? "missing" : "wrong")}"));
            }
        }

        private void CheckCheckpoint(long size)
        {
            if (!checkpoints.Remove(size, out var checkpoint))
            {
                return;
            }

            checkpointsChecked++;
            var root = size == 0 ? MerkleHash.EmptyRoot : frontier.Root();
            var lastSeq = Math.Max(0, size - 1);
            if (!checkpoint.Root.AsSpan().SequenceEqual(root))
            {
                problems.Add((lastSeq, $"checkpoint for size {size} has a root that the stored entries do not hash to"));
                return;
            }

            try
            {
                var note = SignedNote.Parse(checkpoint.Note);
                var body = Checkpoint.Parse(note.Text);
                var valid = body.TreeSize == size && body.RootHash.AsSpan().SequenceEqual(root);
                string reason = "its text does not match the stored size and root";
                if (valid && logKey is not null)
                {
                    valid = NoteVerifier.Create(body.Origin, logKey).Verify(note, out reason);
                }

                if (!valid)
                {
                    problems.Add((lastSeq, $"checkpoint for size {size}: {reason}"));
                }
            }
            catch (FormatException e)
            {
                problems.Add((lastSeq, $"checkpoint for size {size} is malformed: {e.Message}"));
            }
        }

        private void Report(long seq, string? problem)
        {
            if (problem is not null)
            {
                problems.Add((seq, problem));
            }
        }

        private async Task<(long Size, byte[] Root)> StateAsync(CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = snapshot;
            command.CommandText = "SELECT tree_size, root_hash FROM log_state WHERE id = 1;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), (byte[])reader.GetValue(1)) : throw new InvalidDataException("The database has no log head row (log_state).");
        }

        private async Task<Dictionary<long, (byte[] Root, string Note)>> CheckpointsAsync(CancellationToken cancellationToken)
        {
            var result = new Dictionary<long, (byte[], string)>();
            await using var command = connection.CreateCommand();
            command.Transaction = snapshot;
            command.CommandText = "SELECT tree_size, root_hash, signed_note FROM checkpoints;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result[reader.GetInt64(0)] = ((byte[])reader.GetValue(1), reader.GetString(2));
            }

            return result;
        }

        private static EntryKind? KindOf(string kind) => kind switch
        {
            "party_registered" => EntryKind.PartyRegistered,
            "device_registered" => EntryKind.DeviceRegistered,
            "device_key_rotated" => EntryKind.DeviceKeyRotated,
            "device_revoked" => EntryKind.DeviceRevoked,
            "batch_commissioned" => EntryKind.BatchCommissioned,
            "batch_recalled" => EntryKind.BatchRecalled,
            "company_prefix_registered" => EntryKind.CompanyPrefixRegistered,
            _ => null,
        };
    }
}
