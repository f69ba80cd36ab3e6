using Microsoft.Data.Sqlite;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Storage;

public sealed class ApiKeyStoreTests
{
    [Fact]
    public async Task ApiKey_VerifiesOnlyExactLiveKey_AndOnlyItsHashIsStored()
    {
        await using var temp = await TempLedger.CreateAsync();
        var keys = temp.Ledger.ApiKeys;
        var key = await keys.CreateAsync("auditor", CancellationToken.None);
        var keyId = key[..key.IndexOf('.', StringComparison.Ordinal)];

        Assert.Equal("auditor", await keys.VerifyAsync(key, CancellationToken.None));
        Assert.Null(await keys.VerifyAsync(key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), CancellationToken.None));
        Assert.Null(await keys.VerifyAsync("tlk_nothing", CancellationToken.None));
        Assert.False(await StoredAnywhereAsync(temp.DatabasePath, key[(keyId.Length + 1)..]));

        Assert.True(await keys.IsLiveAsync(keyId, CancellationToken.None));
        Assert.False(await keys.IsLiveAsync("tlk_0000000000000000", CancellationToken.None));

        Assert.True(await keys.RevokeAsync(keyId, CancellationToken.None));
        Assert.Null(await keys.VerifyAsync(key, CancellationToken.None));
        Assert.False(await keys.IsLiveAsync(keyId, CancellationToken.None));
    }

    private static async Task<bool> StoredAnywhereAsync(string database, string secret)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM api_keys WHERE CAST(secret_hash AS TEXT) LIKE '%' || $s || '%' OR owner LIKE '%' || $s || '%' OR key_id LIKE '%' || $s || '%';";
        command.Parameters.AddWithValue("$s", secret);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
