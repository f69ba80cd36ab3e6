using Microsoft.EntityFrameworkCore;
using TraceLedger.Log;
using TraceLedger.Storage;

namespace TraceLedger.Tests.Storage;

public sealed class LedgerStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ledger-store-").FullName;

    [Fact]
    public async Task Open_NewFile_MigratesToCurrentModelInWalMode()
    {
        var store = await LedgerStore.OpenAsync(Path.Combine(directory, "a.db"), CancellationToken.None);
        await using var connection = await store.OpenConnectionAsync(CancellationToken.None);
        await using var context = store.CreateContext(connection);

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges(), "the model changed without a migration");
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, (long?)await command.ExecuteScalarAsync());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void LogKey_IsCreatedOwnerOnly_AndLoadsBackTheSameKey()
    {
        var path = Path.Combine(directory, "keys", "log.key");
        byte[] first;
        using (var created = LogSigningKey.LoadOrCreate(path))
        {
            first = created.PublicKeySpki;
        }

        using var loaded = LogSigningKey.LoadOrCreate(path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(first, loaded.PublicKeySpki);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
