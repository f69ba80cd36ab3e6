using Microsoft.Data.Sqlite;
using TraceChain.Bench.Synthesis;

namespace TraceChain.Bench.Tests.Synthesis;

public sealed class ScaleLedgerCacheTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("tc-synth-cache-");

    [Fact]
    public async Task Open_Twice_ReusesTheVerifiedFile_AndRebuildsOneThatNoLongerMatches()
    {
        var cache = new ScaleLedgerCache(directory.FullName);
        var packs = new SyntheticPacks(300, 100);
        byte[] root;
        await using (var first = await cache.OpenAsync(1_000, packs, TimeSpan.FromMinutes(5), CancellationToken.None))
        {
            Assert.False(first.Reused);
            root = first.Root;
        }

        await using (var second = await cache.OpenAsync(1_000, packs, TimeSpan.FromMinutes(5), CancellationToken.None))
        {
            Assert.True(second.Reused);
            Assert.Equal(root, second.Root);
        }

        // A pack removed behind the cache's back: the check finds it and the file is built again.
        SqliteConnection.ClearAllPools();
        var path = Directory.GetFiles(directory.FullName, "*.db").Single();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM packs WHERE rowid = 150;";
            Assert.Equal(1, delete.ExecuteNonQuery());
        }

        await using var third = await cache.OpenAsync(1_000, packs, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.False(third.Reused);
        Assert.Equal(root, third.Root);
    }

    [Fact]
    public async Task Open_ABuildOverItsAllowance_TimesOutNamingTheCache_AndLeavesNothingToReuse()
    {
        var cache = new ScaleLedgerCache(directory.FullName);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => cache.OpenAsync(200_000, new SyntheticPacks(1_000), TimeSpan.FromMilliseconds(1), CancellationToken.None));
        Assert.Contains(directory.FullName, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.FullName, "*.json"));
        Assert.Empty(Directory.GetFiles(directory.FullName, "*.db"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }
}
