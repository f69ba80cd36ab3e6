using Microsoft.Data.Sqlite;

namespace TraceGateway.Notifications;

/// <summary>
/// How far the publisher got, per stream (<c>recalls</c>: a log sequence number; <c>alerts</c>: an alert number), in
/// a small SQLite file of its own (WAL, synchronous=FULL). A position is written only after the broker acknowledged
/// everything up to it, so a restart resumes there: nothing is lost, and at most the last unrecorded page is sent again.
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
    public void Set(string stream, long position)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO publish_cursor (stream, position) VALUES ($s, $p) ON CONFLICT(stream) DO UPDATE SET position = excluded.position;";
        command.Parameters.AddWithValue("$s", stream);
        command.Parameters.AddWithValue("$p", position);
        command.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();
}
