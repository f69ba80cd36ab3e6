using System.Net;
using TraceLedger.Log;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Log;

/// <summary>
/// A committed write whose after-commit work (cache updates) fails: the write is durable, so it and the writes that
/// shared its commit are answered as done; later writes are refused with a clear reason, the health check reports
/// it, and reopening the ledger (which reloads its state from the file) takes writes again.
/// </summary>
public sealed class AfterCommitFailureTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AfterCommitFailure_AnswersTheCommittedWrites_ThenRefusesWritesUntilReopened()
    {
        await using var server = await LedgerServer.StartAsync();
        var temp = server.Temp;
        var log = temp.Ledger.Log;
        var failing = log.WriteAsync(
            batch =>
            {
                InsertKey(batch, "tlk_committed");
                batch.AfterCommit.Add(() => throw new InvalidOperationException("cache update broke"));
                return 1;
            },
            None);

        Assert.Equal(1, await failing);
        var fault = Assert.IsType<InvalidOperationException>(temp.Ledger.WriteFault);
        Assert.Contains("cache update broke", fault.Message, StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => log.WriteAsync(batch => InsertKey(batch, "tlk_refused"), None));
        Assert.Contains("refuses writes until it is reopened", refused.Message, StringComparison.Ordinal);
        using (var health = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("cache update broke", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await temp.ReopenAsync();
        Assert.Null(temp.Ledger.WriteFault);
        Assert.Equal(1, await temp.Ledger.Log.WriteAsync(batch => InsertKey(batch, "tlk_after_reopen"), None));
        Assert.Equal(["tlk_after_reopen", "tlk_committed"], await KeyIdsAsync(temp));
    }

    private static int InsertKey(WriteBatch batch, string keyId)
    {
        using var command = batch.Connection.CreateCommand();
        command.Transaction = batch.Transaction;
        command.CommandText = "INSERT INTO api_keys (key_id, secret_hash, owner, revoked, created_at_ms) VALUES ($id, x'00', 'test', 0, 0);";
        command.Parameters.AddWithValue("$id", keyId);
        return command.ExecuteNonQuery();
    }

    private static async Task<List<string>> KeyIdsAsync(TempLedger temp)
    {
        await using var connection = await temp.Ledger.Log.Store.OpenConnectionAsync(None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_id FROM api_keys WHERE owner = 'test' ORDER BY key_id;";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(None);
        while (await reader.ReadAsync(None))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
