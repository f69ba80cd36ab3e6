using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Signing;
using TraceLedger.Api;
using TraceLedger.Log;
using TraceLedger.Storage;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Commands;

public sealed class CrashRecoveryTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string directory = Directory.CreateTempSubdirectory("ledger-crash-").FullName;

    [Fact]
    public async Task SigkillDuringIngest_Restart_KeepsEveryAcknowledgedHopAndAuditsClean()
    {
        var database = Path.Combine(directory, "ledger.db");
        var keys = await SetUpDevicesAsync(database, 2);
        var acknowledged = new ConcurrentDictionary<long, string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using (var server = await LedgerProcess.StartAsync(database))
        using (var client = new HttpClient { BaseAddress = server.Address })
        using (var stop = new CancellationTokenSource())
        {
            var writers = keys.Select((key, d) => IngestAsync(client, $"crash-{d}", key, acknowledged, enough, stop.Token)).ToList();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));

            // Requests are in flight on both writers when the process dies.
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.True(acknowledged.Count >= 300);
        using (var restarted = await LedgerProcess.StartAsync(database))
        using (var client = new HttpClient { BaseAddress = restarted.Address })
        {
            var checkpoint = await client.GetFromJsonAsync<CheckpointResponse>("/v1/checkpoint", Json);
            Assert.True(checkpoint!.TreeSize > acknowledged.Keys.Max());
            foreach (var (seq, leaf) in acknowledged)
            {
                var entry = await client.GetByteArrayAsync($"/v1/entries/{seq}");
                Assert.Equal(leaf, Convert.ToBase64String(TraceChain.Protocol.Merkle.MerkleHash.Leaf(entry)));
            }

            await restarted.KillAsync();
        }

        SqliteConnection.ClearAllPools();
        var audit = await LogAudit.RunAsync(database, CancellationToken.None);
        Assert.True(audit.Clean, audit.Summary);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<List<ECDsa>> SetUpDevicesAsync(string database, int count)
    {
        var keys = Enumerable.Range(0, count).Select(_ => DeviceKeys.Create()).ToList();
        await using (var ledger = await Ledger.OpenAsync(new LedgerOptions(database), CancellationToken.None))
        {
            await ledger.RegisterPartyAsync(new PartyRegistration(TempLedger.PartyGln, "Crash Pharma", PartyRole.Distributor), CancellationToken.None);
            for (var d = 0; d < count; d++)
            {
                await ledger.RegisterDeviceAsync(new DeviceRegistration($"crash-{d}", TempLedger.PartyGln, DeviceKeys.SubjectPublicKeyInfo(keys[d])), CancellationToken.None);
            }
        }

        SqliteConnection.ClearAllPools();
        return keys;
    }

    private static async Task IngestAsync(
        HttpClient client, string deviceId, ECDsa key, ConcurrentDictionary<long, string> acknowledged, TaskCompletionSource enough, CancellationToken cancellationToken)
    {
        var counter = 0L;
        while (!cancellationToken.IsCancellationRequested)
        {
            var hops = Enumerable.Range(0, 50).Select(_ => Encoding.UTF8.GetString(SignedHop.Create(Hops.Make(deviceId, ++counter, (int)counter), key).ToEntryBytes()));
            try
            {
                using var response = await client.PostAsync("/v1/hops", new StringContent($"{{\"hops\":[{string.Join(',', hops)}]}}", Encoding.UTF8, "application/json"), cancellationToken);
                var batch = await response.Content.ReadFromJsonAsync<HopBatchResponse>(Json, cancellationToken);
                foreach (var receipt in batch!.Receipts)
                {
                    Assert.Equal("accepted", receipt.Status);
                    acknowledged[receipt.Seq!.Value] = receipt.LeafHash!;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or JsonException)
            {
                // The server died mid-request: that batch was never acknowledged, so nothing is promised about it.
                return;
            }

            if (acknowledged.Count >= 300)
            {
                enough.TrySetResult();
            }
        }
    }
}
