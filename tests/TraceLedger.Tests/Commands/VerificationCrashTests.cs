using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TraceLedger.Log;
using TraceLedger.Packs;
using TraceLedger.Storage;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Commands;

/// <summary>
/// Verifications share commits (group commit) but each is answered only after its commit: killing the ledger with
/// SIGKILL while many are in flight loses none that was answered.
/// </summary>
public sealed class VerificationCrashTests : IDisposable
{
    private const int Packs = 4;
    private const int Clients = 8;
    private const int Enough = 300;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string directory = Directory.CreateTempSubdirectory("ledger-verify-crash-").FullName;

    [Fact]
    public async Task SigkillDuringConcurrentVerifications_Restart_KeepsEveryAnsweredCount()
    {
        var database = Path.Combine(directory, "ledger.db");
        var identifiers = await CommissionAsync(database);
        var answered = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using (var server = await LedgerProcess.StartAsync(database, packRules: true))
        using (var client = new HttpClient { BaseAddress = server.Address })
        using (var stop = new CancellationTokenSource())
        {
            var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                var identifier = identifiers[c % Packs];
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var response = await client.PostAsJsonAsync("/v1/verify", new { identifier }, stop.Token);
                        response.EnsureSuccessStatusCode();
                        var verdict = await response.Content.ReadFromJsonAsync<ConsumerVerdict>(Json, stop.Token);
                        answered.AddOrUpdate(identifier, verdict!.VerificationCount, (_, seen) => Math.Max(seen, verdict.VerificationCount));
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or JsonException)
                    {
                        return; // the server died mid-request: that verification was never answered
                    }

                    if (Interlocked.Increment(ref total) >= Enough)
                    {
                        enough.TrySetResult();
                    }
                }
            })).ToList();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(90));

            await server.KillAsync(); // verifications are in flight on every client
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        SqliteConnection.ClearAllPools();
        await using var reopened = await OpenAsync(database);
        foreach (var identifier in identifiers)
        {
            var kept = reopened.Verdicts.Lookup(new VerdictRequest(identifier)).VerificationCount;
            Assert.True(kept >= answered.GetValueOrDefault(identifier), $"{identifier}: {kept} verifications kept, {answered[identifier]} answered");
        }

        Assert.True(answered.Values.Sum() >= Enough);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<List<string>> CommissionAsync(string database)
    {
        await using var packs = await OpenAsync(database);
        var manufacturer = Gs1.Gln(1);
        await packs.Ledger.RegisterPartyAsync(new PartyRegistration(manufacturer, "Crash Pharma", PartyRole.Manufacturer, 31.2, 121.5), CancellationToken.None);
        await packs.Commissioning.RegisterCompanyPrefixAsync(PackWorld.CompanyPrefix, manufacturer, CancellationToken.None);
        var result = await packs.Commissioning.CommissionAsync(
            new CommissionRequest(manufacturer, PackWorld.Gtin, "L1", "281231", PackWorld.Product, Packs), CancellationToken.None);
        SqliteConnection.ClearAllPools();
        return [.. result.Packs.Select(p => p.Identifier)];
    }

    // The same scratch secret file as TraceLedger serve uses next to the database.
    private static Task<PackLedger> OpenAsync(string database) =>
        PackLedger.OpenAsync(new PackLedgerOptions(new LedgerOptions(database), ScratchSecret.LoadOrCreate(database + ".scratch")), CancellationToken.None);
}
