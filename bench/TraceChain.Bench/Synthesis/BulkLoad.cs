using Microsoft.Data.Sqlite;

namespace TraceChain.Bench.Synthesis;

/// <summary>
/// One connection for a one-off bulk build of a ledger file that nothing else has open: no journal, no sync, a
/// large page cache, and the secondary indexes of the tables being filled dropped and rebuilt at the end (an
/// index built by sorting is many times faster than 10 million random inserts into it). <see cref="Complete"/>
/// rebuilds the same indexes (their SQL as stored in the file) and puts the product's WAL journal back, so what is
/// measured afterwards runs on exactly the product's schema and settings.
/// </summary>
public sealed class BulkLoad : IDisposable
{
    private const int CacheMiB = 1024;
    private readonly List<(string Name, string Sql)> droppedIndexes = [];
    private bool completed;

    private readonly string path;

    private BulkLoad(SqliteConnection connection, string path)
    {
        Connection = connection;
        this.path = path;
    }

    /// <summary>The bulk connection (use it for every insert of the build).</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Opens <paramref name="path"/> for a bulk fill of <paramref name="tables"/>.</summary>
    public static BulkLoad Open(string path, IEnumerable<string> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);

        // The store's pooled connections must be gone: leaving WAL mode needs the only connection to the file.
        SqliteConnection.ClearAllPools();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        var load = new BulkLoad(connection, path);
        try
        {
            var mode = load.Scalar("PRAGMA journal_mode=OFF;") as string;
            if (!string.Equals(mode, "off", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{path} is open elsewhere: SQLite kept journal_mode '{mode}' for the bulk build.");
            }

            load.Execute($"PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-{CacheMiB * 1024};");
            foreach (var table in tables)
            {
                using var list = connection.CreateCommand();
                list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = $t;";
                list.Parameters.AddWithValue("$t", table);
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    load.droppedIndexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (name, _) in load.droppedIndexes)
            {
                load.Execute($"DROP INDEX \"{name}\";");
            }

            return load;
        }
        catch
        {
            load.Dispose();
            throw;
        }
    }

    /// <summary>Rebuilds the dropped indexes and restores the WAL journal; the file is then as the product left it.</summary>
    public void Complete()
    {
        foreach (var (_, sql) in droppedIndexes)
        {
            Execute(sql + ";");
        }

        var mode = Scalar("PRAGMA journal_mode=WAL;") as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused to restore WAL mode after the bulk build (journal_mode is '{mode}').");
        }

        completed = true;
    }

    public void Dispose()
    {
        Connection.Dispose();
        if (!completed)
        {
            // A half-built file (missing indexes, no journal) must never be mistaken for a ledger.
            File.Delete(path);
        }
    }

    private object? Scalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
