using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Signing;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Commands;

public sealed class CommandTests
{
    [Fact]
    public async Task VerifyProof_GoodBundle_Exits0_TamperedBundle_Exits1_UnreadableInput_Exits2()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        var receipt = (await temp.Ledger.AppendAsync([SignedHop.Create(temp.NextHop("scanner-1", 1), key)], CancellationToken.None))[0];
        var bundle = (await temp.Ledger.BundleAsync(receipt.Seq!.Value, CancellationToken.None))!;
        var good = Path.Combine(temp.Directory, "good.json");
        var bad = Path.Combine(temp.Directory, "bad.json");
        var logKey = Path.Combine(temp.Directory, "log.pub.pem");
        var deviceKey = Path.Combine(temp.Directory, "device.pub.pem");
        await File.WriteAllBytesAsync(good, bundle.ToJson());
        await File.WriteAllBytesAsync(bad, (bundle with { LeafIndex = 0 }).ToJson());
        await File.WriteAllTextAsync(logKey, System.Security.Cryptography.PemEncoding.WriteString("PUBLIC KEY", temp.Ledger.PublicKeySpki));
        await File.WriteAllTextAsync(deviceKey, key.ExportSubjectPublicKeyInfoPem());

        Assert.Equal(0, await Program.Main(["verify-proof", good, "--log-key", logKey, "--device-key", deviceKey]));
        Assert.Equal(1, await Program.Main(["verify-proof", bad, "--log-key", logKey]));
        Assert.Equal(2, await Program.Main(["verify-proof", Path.Combine(temp.Directory, "missing.json"), "--log-key", logKey]));
    }

    [Fact]
    public async Task VerifyLog_CleanLog_Exits0_TamperedRow_Exits1()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        await temp.Ledger.AppendAsync(Enumerable.Range(1, 4).Select(i => SignedHop.Create(temp.NextHop("scanner-1", i), key)).ToList(), CancellationToken.None);

        Assert.Equal(0, await Program.Main(["verify-log", "--db", temp.DatabasePath]));
        await using (var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE entries SET device_id = 'someone-else' WHERE seq = 3;";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, await Program.Main(["verify-log", "--db", temp.DatabasePath]));
        Assert.Equal(2, await Program.Main(["verify-log", "--db", Path.Combine(temp.Directory, "none.db")]));
    }

    [Fact]
    public async Task ApiKeyCommand_CreatesHashedKeyForOwner_AndRevokes()
    {
        await using var temp = await TempLedger.CreateAsync();
        var existing = await temp.Ledger.ApiKeys.CreateAsync("ops", CancellationToken.None);
        var keyId = existing[..existing.IndexOf('.', StringComparison.Ordinal)];

        Assert.Equal(0, await Program.Main(["api-key", "--db", temp.DatabasePath, "--owner", "night-shift"]));
        Assert.Equal(0, await Program.Main(["api-key", "--db", temp.DatabasePath, "--revoke", keyId]));
        Assert.Equal(1, await Program.Main(["api-key", "--db", temp.DatabasePath, "--revoke", "tlk_ffffffffffffffff"]));
        Assert.Equal(2, await Program.Main(["api-key", "--db", temp.DatabasePath]));

        Assert.Null(await temp.Ledger.ApiKeys.VerifyAsync(existing, CancellationToken.None));
        await using var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM api_keys WHERE owner = 'night-shift' AND revoked = 0 AND length(secret_hash) = 32;";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task LogKeyCommand_ExistingKey_Exits0_MissingKey_Exits2()
    {
        await using var temp = await TempLedger.CreateAsync();

        Assert.Equal(0, await Program.Main(["log-key", "--key", temp.DatabasePath + ".key"]));
        Assert.Equal(2, await Program.Main(["log-key", "--key", Path.Combine(temp.Directory, "absent.key")]));
        Assert.False(File.Exists(Path.Combine(temp.Directory, "absent.key")));
    }
}
