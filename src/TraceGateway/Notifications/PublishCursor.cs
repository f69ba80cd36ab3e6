using Microsoft.Data.Sqlite;

namespace TraceGateway.Notifications;

/// <summary>
/// How far the publisher got, per stream (<c>recalls</c>: a log sequence number; <c>alerts</c>: an alert number), in
/// a small SQLite file of its own (WAL, synchronous=FULL). A position is written only after the broker acknowledged
/// everything up to it, so a restart resumes there: nothing is lost, and at most the last unrecorded page is sent again.
/// Positions only mean something on the ledger they were taken on, so the file also records that ledger
/// (<see cref="LedgerIdentity"/>); the publisher compares it with the ledger it reads before trusting a position.
/// </summary>
public sealed class PublishCursor : IDisposable
{
    private readonly SqliteConnection connection;

    private PublishCursor(SqliteConnection connection) => this.connection = connection;

    /// <summary>Opens or creates the cursor file.</summary>
    public static PublishCursor Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous=FULL;
                CREATE TABLE IF NOT EXISTS publish_cursor (stream TEXT PRIMARY KEY, position INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS publish_anchor_leaf (stream TEXT PRIMARY KEY, seq INTEGER NOT NULL, leaf_hash BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS publish_ledger (id INTEGER PRIMARY KEY CHECK (id = 1), public_key TEXT NOT NULL, verifier_key TEXT NOT NULL);
                """;
            command.ExecuteNonQuery();
            return new PublishCursor(connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InvalidDataException($"notification cursor {full} cannot be opened: {e.Message}", e);
        }
    }

    /// <summary>The stored position of <paramref name="stream"/>, or null before the first write.</summary>
    public long? Get(string stream)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM publish_cursor WHERE stream = $s;";
        command.Parameters.AddWithValue("$s", stream);
        return command.ExecuteScalar() is long position ? position : null;
    }

    /// <summary>Stores <paramref name="position"/> durably.</summary>
    public void Set(string stream, long position) => WritePosition(stream, position, null);

    private void WritePosition(string stream, long position, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO publish_cursor (stream, position) VALUES ($s, $p) ON CONFLICT(stream) DO UPDATE SET position = excluded.position;";
        command.Parameters.AddWithValue("$s", stream);
        command.Parameters.AddWithValue("$p", position);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Stores <paramref name="position"/>, a log sequence number, with that entry's Merkle leaf hash, in one
    /// transaction: the entry tells later whether the log under the cursor is still the one it was taken on. (Files
    /// written before 2026-11-23 kept the SHA-256 of the entry's bytes in <c>publish_anchor</c>; that table is no
    /// longer read, so such a position counts as one stored without its entry until the next page moves it.)
    /// </summary>
    public void Set(string stream, long position, byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        using var transaction = connection.BeginTransaction();
        WritePosition(stream, position, transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO publish_anchor_leaf (stream, seq, leaf_hash) VALUES ($s, $q, $h) ON CONFLICT(stream) DO UPDATE SET seq = excluded.seq, leaf_hash = excluded.leaf_hash;";
        command.Parameters.AddWithValue("$s", stream);
        command.Parameters.AddWithValue("$q", position);
        command.Parameters.AddWithValue("$h", leafHash);
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>The leaf hash of the entry at <paramref name="stream"/>'s position, or null when none was stored with it.</summary>
    public byte[]? EntryAt(string stream)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT a.leaf_hash FROM publish_anchor_leaf a JOIN publish_cursor c ON c.stream = a.stream AND c.position = a.seq WHERE a.stream = $s;";
        command.Parameters.AddWithValue("$s", stream);
        return command.ExecuteScalar() as byte[];
    }

    /// <summary>The ledger the positions were taken on, or null in a new file (or one written before ledgers were recorded).</summary>
    public LedgerIdentity? FollowedLedger()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT public_key, verifier_key FROM publish_ledger WHERE id = 1;";
        using var reader = command.ExecuteReader();
        return reader.Read() ? new LedgerIdentity(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>
    /// Records <paramref name="ledger"/> as the ledger followed and forgets the positions of <paramref name="restart"/>,
    /// in one transaction: a crash never leaves a new ledger's identity next to an old ledger's position.
    /// </summary>
    public void Follow(LedgerIdentity ledger, IReadOnlyCollection<string> restart)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(restart);
        using var transaction = connection.BeginTransaction();
        foreach (var stream in restart)
        {
            using var forget = connection.CreateCommand();
            forget.Transaction = transaction;
            forget.CommandText = "DELETE FROM publish_cursor WHERE stream = $s; DELETE FROM publish_anchor_leaf WHERE stream = $s;";
            forget.Parameters.AddWithValue("$s", stream);
            forget.ExecuteNonQuery();
        }

        using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "INSERT INTO publish_ledger (id, public_key, verifier_key) VALUES (1, $k, $v) ON CONFLICT(id) DO UPDATE SET public_key = excluded.public_key, verifier_key = excluded.verifier_key;";
        record.Parameters.AddWithValue("$k", ledger.PublicKey);
        record.Parameters.AddWithValue("$v", ledger.VerifierKey);
        record.ExecuteNonQuery();
        transaction.Commit();
    }

    public void Dispose() => connection.Dispose();
}
