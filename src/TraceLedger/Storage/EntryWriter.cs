using Microsoft.Data.Sqlite;

namespace TraceLedger.Storage;

/// <summary>
/// The append hot path in raw prepared SQL on the writer's connection (EF change tracking costs more than the
/// insert itself at thousands of rows per second). Bind to a transaction with <see cref="Begin"/>.
/// </summary>
internal sealed class EntryWriter : IDisposable
{
    private const int LookupChunk = 500;
    private readonly SqliteConnection connection;
    private readonly SqliteCommand insertEntry;
    private readonly SqliteCommand itemHead;
    private readonly SqliteCommand upsertItemHead;
    private readonly SqliteCommand insertItem;
    private readonly SqliteCommand insertNode;
    private readonly SqliteCommand updateCounter;
    private readonly SqliteCommand casState;
    private readonly SqliteCommand insertCheckpoint;
    private readonly SqliteCommand[] all;

    public EntryWriter(SqliteConnection connection)
    {
        this.connection = connection;
        insertEntry = Command(
            "INSERT INTO entries (seq, kind, leaf_hash, entry_bytes, content_hash, device_id, counter, received_at_ms) " +
            "VALUES ($seq, $kind, $leaf, $bytes, $content, $device, $counter, $at);",
            "$seq", "$kind", "$leaf", "$bytes", "$content", "$device", "$counter", "$at");
        itemHead = Command("SELECT head_seq FROM item_heads WHERE item_key = $item;", "$item");
        upsertItemHead = Command(
            "INSERT INTO item_heads (item_key, head_seq, entry_count) VALUES ($item, $seq, 1) " +
            "ON CONFLICT (item_key) DO UPDATE SET head_seq = excluded.head_seq, entry_count = item_heads.entry_count + 1;",
            "$item", "$seq");
        insertItem = Command("INSERT INTO entry_items (item_key, seq, prev_seq) VALUES ($item, $seq, $prev);", "$item", "$seq", "$prev");
        insertNode = Command("INSERT INTO tree_nodes (level, idx, hash) VALUES ($level, $idx, $hash);", "$level", "$idx", "$hash");
        updateCounter = Command("UPDATE devices SET last_counter = $counter WHERE device_id = $device AND last_counter < $counter;", "$device", "$counter");
        casState = Command("UPDATE log_state SET tree_size = $new, root_hash = $root WHERE id = 1 AND tree_size = $old;", "$old", "$new", "$root");
        insertCheckpoint = Command(
            "INSERT INTO checkpoints (tree_size, root_hash, signed_note, created_at_ms) VALUES ($size, $root, $note, $at) " +
            "ON CONFLICT (tree_size) DO UPDATE SET root_hash = excluded.root_hash, signed_note = excluded.signed_note, created_at_ms = excluded.created_at_ms;",
            "$size", "$root", "$note", "$at");
        all = [insertEntry, itemHead, upsertItemHead, insertItem, insertNode, updateCounter, casState, insertCheckpoint];
    }

    /// <summary>Starts a write transaction (BEGIN IMMEDIATE: takes the write lock now, not at the first insert).</summary>
    public SqliteTransaction Begin()
    {
        var transaction = connection.BeginTransaction(deferred: false);
        foreach (var command in all)
        {
            command.Transaction = transaction;
        }

        return transaction;
    }

    public void InsertEntry(EntryRow row)
    {
        var p = insertEntry.Parameters;
        p[0].Value = row.Seq;
        p[1].Value = (int)row.Kind;
        p[2].Value = row.LeafHash;
        p[3].Value = row.EntryBytes;
        p[4].Value = row.ContentHash;
        p[5].Value = (object?)row.DeviceId ?? DBNull.Value;
        p[6].Value = (object?)row.Counter ?? DBNull.Value;
        p[7].Value = row.ReceivedAtMs;
        insertEntry.ExecuteNonQuery();
    }

    /// <summary>The entries already holding any of these contents, keyed by base64 content hash: one query per 500 hashes.</summary>
    public Dictionary<string, (long Seq, byte[] LeafHash)> FindByContent(IReadOnlyList<byte[]> contentHashes)
    {
        var found = new Dictionary<string, (long, byte[])>(StringComparer.Ordinal);
        foreach (var chunk in contentHashes.Chunk(LookupChunk))
        {
            using var command = InQuery("SELECT content_hash, seq, leaf_hash FROM entries WHERE content_hash IN ", chunk);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found[Convert.ToBase64String((byte[])reader.GetValue(0))] = (reader.GetInt64(1), (byte[])reader.GetValue(2));
            }
        }

        return found;
    }

    /// <summary>Current chain heads of these items; an item without entries maps to null.</summary>
    public Dictionary<string, long?> ItemHeads(IEnumerable<string> itemKeys)
    {
        var heads = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var chunk in itemKeys.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            foreach (var item in chunk)
            {
                heads[item] = null;
            }

            using var command = InQuery("SELECT item_key, head_seq FROM item_heads WHERE item_key IN ", chunk);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                heads[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return heads;
    }

    public long? ItemHead(string itemKey)
    {
        itemHead.Parameters[0].Value = itemKey;
        return itemHead.ExecuteScalar() is long seq ? seq : null;
    }

    /// <summary>Links entry <paramref name="seq"/> into the chain of <paramref name="itemKey"/> and makes it the head.</summary>
    public void LinkItem(string itemKey, long seq, long? prevSeq)
    {
        insertItem.Parameters[0].Value = itemKey;
        insertItem.Parameters[1].Value = seq;
        insertItem.Parameters[2].Value = (object?)prevSeq ?? DBNull.Value;
        insertItem.ExecuteNonQuery();
        UpsertItemHead(itemKey, seq);
    }

    private void UpsertItemHead(string itemKey, long seq)
    {
        upsertItemHead.Parameters[0].Value = itemKey;
        upsertItemHead.Parameters[1].Value = seq;
        upsertItemHead.ExecuteNonQuery();
    }

    public void InsertNode(int level, long index, byte[] hash)
    {
        insertNode.Parameters[0].Value = level;
        insertNode.Parameters[1].Value = index;
        insertNode.Parameters[2].Value = hash;
        insertNode.ExecuteNonQuery();
    }

    public void UpdateCounter(string deviceId, long counter)
    {
        updateCounter.Parameters[0].Value = deviceId;
        updateCounter.Parameters[1].Value = counter;
        updateCounter.ExecuteNonQuery();
    }

    /// <summary>Moves the log head from <paramref name="oldSize"/> to <paramref name="newSize"/>; false when another writer moved it.</summary>
    public bool CompareAndSwapState(long oldSize, long newSize, byte[] root)
    {
        casState.Parameters[0].Value = oldSize;
        casState.Parameters[1].Value = newSize;
        casState.Parameters[2].Value = root;
        return casState.ExecuteNonQuery() == 1;
    }

    /// <summary>Stores the checkpoint for a size; re-signing the same size (a restart after a lost note) replaces it.</summary>
    public void UpsertCheckpoint(CheckpointRow row)
    {
        var p = insertCheckpoint.Parameters;
        p[0].Value = row.TreeSize;
        p[1].Value = row.RootHash;
        p[2].Value = row.SignedNote;
        p[3].Value = row.CreatedAtMs;
        insertCheckpoint.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in all)
        {
            command.Dispose();
        }
    }

    private SqliteCommand InQuery<T>(string sql, T[] values)
        where T : notnull
    {
        var command = connection.CreateCommand();
        command.Transaction = insertEntry.Transaction;
        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = "$v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(names[i], values[i]);
        }

        command.CommandText = sql + "(" + string.Join(", ", names) + ");";
        return command;
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
