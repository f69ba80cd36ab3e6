using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Notifications;

namespace ScannerAgent.Outbox;

/// <summary>
/// The recalls the agent has heard of, kept in the outbox's SQLite file (table <c>recall_cache</c>, WAL,
/// synchronous=FULL) so they survive a restart, and in memory for the per-scan check (no disk read on the scan path).
/// One row per GTIN and batch: a newer notice replaces the older one, a cleared recall removes the row.
/// </summary>
public sealed class RecallCache : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Lock sync = new();
    private readonly ConcurrentDictionary<(string Gtin, string Batch), RecallNotice> recalls = new();

    private RecallCache(SqliteConnection connection) => this.connection = connection;

    /// <summary>Recalled batches known now.</summary>
    public int Count => recalls.Count;

    /// <summary>Opens (or creates) the cache table in <paramref name="path"/> and loads it.</summary>
    public static RecallCache Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = """
                    PRAGMA journal_mode=WAL;
                    PRAGMA synchronous=FULL;
                    CREATE TABLE IF NOT EXISTS recall_cache (
                        gtin TEXT NOT NULL,
                        batch TEXT NOT NULL,
                        notice BLOB NOT NULL,
                        received_utc TEXT NOT NULL,
                        PRIMARY KEY (gtin, batch));
                    """;
                command.ExecuteNonQuery();
            }

            var cache = new RecallCache(connection);
            cache.Load();
            return cache;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InvalidDataException($"recall cache {full} cannot be opened: {e.Message}", e);
        }
    }

    /// <summary>The recall of this GTIN and batch, or null.</summary>
    public RecallNotice? Find(string gtin, string batch) => recalls.GetValueOrDefault((gtin, batch));

    /// <summary>Stores (or replaces) a recall durably; returns after the commit.</summary>
    public void Store(RecallNotice notice, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(notice);
        lock (sync)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO recall_cache (gtin, batch, notice, received_utc) VALUES ($g, $b, $n, $r)
                ON CONFLICT (gtin, batch) DO UPDATE SET notice = excluded.notice, received_utc = excluded.received_utc;
                """;
            command.Parameters.AddWithValue("$g", notice.Gtin);
            command.Parameters.AddWithValue("$b", notice.Batch);
            command.Parameters.AddWithValue("$n", notice.ToJson());
            command.Parameters.AddWithValue("$r", receivedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
            recalls[(notice.Gtin, notice.Batch)] = notice;
        }
    }

    /// <summary>Forgets the recall of this GTIN and batch (the recall was cleared); false when none was known.</summary>
    public bool Remove(string gtin, string batch)
    {
        lock (sync)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM recall_cache WHERE gtin = $g AND batch = $b;";
            command.Parameters.AddWithValue("$g", gtin);
            command.Parameters.AddWithValue("$b", batch);
            command.ExecuteNonQuery();
            return recalls.TryRemove((gtin, batch), out _);
        }
    }

    public void Dispose() => connection.Dispose();

    private void Load()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT gtin, batch, notice FROM recall_cache;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // Rows are written from parsed notices only; one that no longer parses is skipped rather than trusted.
            if (RecallNotice.TryParse((byte[])reader.GetValue(2), out _) is { } notice)
            {
                recalls[(reader.GetString(0), reader.GetString(1))] = notice;
            }
        }
    }
}
