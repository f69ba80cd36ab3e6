using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TraceLedger.Packs.Storage;

/// <summary>Creates contexts for, and migrates, the pack tables of a ledger file.</summary>
public static class PackSchema
{
    /// <summary>A context over an open connection (so it can join that connection's transaction).</summary>
    public static PackDbContext CreateContext(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<PackDbContext>()
            .UseSqlite(connection, sqlite => sqlite.MigrationsHistoryTable(PackDbContext.HistoryTable))
            .Options);

    /// <summary>Applies pending pack-schema migrations.</summary>
    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var context = CreateContext(connection);
        await context.Database.MigrateAsync(cancellationToken);
    }
}
