using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Signing;
using TraceLedger.Log;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Log;

public sealed class LogAuditTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Audit_UntouchedLog_IsClean()
    {
        await using var temp = await Populated();

        var result = await LogAudit.RunAsync(temp.DatabasePath, None);

        Assert.True(result.Clean, result.Summary);
        Assert.Equal(temp.Ledger.Checkpoint.TreeSize, result.EntriesChecked);
        Assert.True(result.CheckpointsChecked >= 4);
    }

    [Fact]
    public async Task Audit_EditedHopBytes_NamesThatSeq()
    {
        await using var temp = await Populated();
        var victim = temp.Ledger.Checkpoint.TreeSize - 5;

        await ExecuteAsync(temp, $"UPDATE entries SET entry_bytes = CAST(REPLACE(CAST(entry_bytes AS TEXT), 'receiving', 'shipping') AS BLOB) WHERE seq = {victim};");
        var result = await LogAudit.RunAsync(temp.DatabasePath, None);

        Assert.False(result.Clean);
        Assert.Equal(victim, result.FirstTamperedSeq);
    }

    [Fact]
    public async Task Audit_EditedBytesWithRecomputedLeafHash_StillNamesThatSeq()
    {
        await using var temp = await Populated();
        var victim = temp.Ledger.Checkpoint.TreeSize - 3;
        var entry = (await temp.Ledger.GetEntryAsync(victim, None))!;
        var forged = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(entry.EntryBytes).Replace("receiving", "shipping", StringComparison.Ordinal));

        await ExecuteAsync(temp, "UPDATE entries SET entry_bytes = $b, leaf_hash = $l WHERE seq = $s;",
            ("$b", forged), ("$l", TraceChain.Protocol.Merkle.MerkleHash.Leaf(forged)), ("$s", victim));
        var result = await LogAudit.RunAsync(temp.DatabasePath, None);

        Assert.Equal(victim, result.FirstTamperedSeq);
        Assert.Contains(result.Problems, p => p.Contains("signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_DeletedEntry_NamesTheGap()
    {
        await using var temp = await Populated();
        var victim = temp.Ledger.Checkpoint.TreeSize - 2;

        await ExecuteAsync(temp, $"PRAGMA foreign_keys=OFF; DELETE FROM entries WHERE seq = {victim};");
        var result = await LogAudit.RunAsync(temp.DatabasePath, None);

        Assert.Equal(victim, result.FirstTamperedSeq);
    }

    [Fact]
    public async Task Audit_SwappedDeviceKeyInTables_DoesNotHideAnything_AndForgedCheckpointIsCaught()
    {
        await using var temp = await Populated();
        var last = temp.Ledger.Checkpoint.TreeSize;

        await ExecuteAsync(temp, "UPDATE checkpoints SET signed_note = REPLACE(signed_note, 'tracechain', 'tracechalk') WHERE tree_size = $s;", ("$s", last));
        var result = await LogAudit.RunAsync(temp.DatabasePath, None);

        Assert.False(result.Clean);
        Assert.Contains(result.Problems, p => p.Contains($"checkpoint for size {last}", StringComparison.Ordinal));
    }

    private static async Task<TempLedger> Populated()
    {
        var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        for (var batch = 0; batch < 3; batch++)
        {
            await temp.Ledger.AppendAsync(Enumerable.Range(0, 6).Select(i => SignedHop.Create(temp.NextHop("scanner-1", (batch * 6) + i), key)).ToList(), None);
        }

        return temp;
    }

    private static async Task ExecuteAsync(TempLedger temp, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
