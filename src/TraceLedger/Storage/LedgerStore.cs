using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TraceLedger.Storage;

/// <summary>
/// The ledger's SQLite file: creates and migrates it, and hands out connections with the durability settings
/// applied. WAL with synchronous=FULL: every commit fsyncs the WAL before it returns, so what a connection commits
/// survives a kill -9 and a power cut. The log's single writer alone commits with NORMAL and syncs the WAL on a
/// thread beside it (<see cref="WalSyncer"/>), answering a receipt only after that sync.
/// </summary>
public sealed class LedgerStore
{
    private readonly string connectionString;

    private LedgerStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and applies pending migrations.</summary>
    public static async Task<LedgerStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var store = new LedgerStore(path);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            // journal_mode is stored in the file, so setting it once here makes every later connection WAL.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for {store.Path} (journal_mode is '{mode}').");
            }
        }

        await using (var context = store.CreateContext(connection))
        {
            await context.Database.MigrateAsync(cancellationToken);
        }

        await using (var seed = connection.CreateCommand())
        {
            seed.CommandText = "INSERT INTO log_state (id, tree_size, root_hash) VALUES (1, 0, $root) ON CONFLICT (id) DO NOTHING;";
            seed.Parameters.AddWithValue("$root", TraceChain.Protocol.Merkle.MerkleHash.EmptyRoot);
            await seed.ExecuteNonQueryAsync(cancellationToken);
        }

        return store;
    }

    /// <summary>Opens a new connection with the per-connection pragmas (synchronous, foreign keys, busy timeout) set.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>An EF Core context over an already open connection (so it can join that connection's transaction).</summary>
    public LedgerDbContext CreateContext(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<LedgerDbContext>().UseSqlite(connection).Options);
}
