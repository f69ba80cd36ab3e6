using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TraceChain.Protocol.Hops;
using TraceLedger.Api;
using TraceLedger.Tests.Support;
using static TraceLedger.Tests.Support.PackWorld;

namespace TraceLedger.Tests.Api;

/// <summary>The pack endpoints on the real HTTP service (Kestrel on a loopback port).</summary>
public sealed class PackHttpTests
{
    [Fact]
    public async Task Http_CommissionVerifyAndAlerts_RoundTrip()
    {
        await using var world = await PackWorld.CreateAsync();
        await using var app = LedgerHttpApp.Build(world.Packs, "http://127.0.0.1:0");
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var apiKey = await world.Packs.Ledger.ApiKeys.CreateAsync("tests", CancellationToken.None);

        var unauthorised = await client.PostAsJsonAsync("/v1/batches", new { });
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);

        var created = await client.PostAsJsonAsync("/v1/batches", new
        {
            manufacturerGln = Manufacturer,
            gtin = Gtin,
            lot = "H1",
            expiry = "281231",
            product = new { name = "Amoxicillin", strength = "500 mg", form = "capsule", packSize = 20, publishManufacturer = false },
            count = 3,
            scratchCodes = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var batch = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var pack = batch.RootElement.GetProperty("packs")[0];
        var identifier = pack.GetProperty("identifier").GetString()!;
        var serial = identifier[(identifier.LastIndexOf(':') + 1)..];

        client.DefaultRequestHeaders.Authorization = null;
        var verified = await client.PostAsJsonAsync("/v1/verify", new
        {
            scan = $"https://id.example.org/01/{Gtin}/10/H1/21/{serial}?17=281231",
            scratchCode = pack.GetProperty("scratchCode").GetString(),
            partyGln = PharmacyA,
        });
        using var verdict = JsonDocument.Parse(await verified.Content.ReadAsStringAsync());
        Assert.Equal("genuine", verdict.RootElement.GetProperty("code").GetString());
        Assert.Equal("valid", verdict.RootElement.GetProperty("scratch").GetString());
        Assert.Equal(JsonValueKind.Null, verdict.RootElement.GetProperty("manufacturer").ValueKind);

        var bad = await client.PostAsJsonAsync("/v1/verify", new { scan = "not a code" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var partnerWithoutKey = await client.PostAsJsonAsync("/v1/verifications", new { identifier, partyGln = PharmacyA });
        Assert.Equal(HttpStatusCode.Unauthorized, partnerWithoutKey.StatusCode);

        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        var unknown = await client.PostAsJsonAsync("/v1/verifications", new { identifier = identifier[..^1] + (identifier[^1] == '2' ? '3' : '2'), partyGln = PharmacyA });
        using var unknownVerdict = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal("unknown_serial", unknownVerdict.RootElement.GetProperty("code").GetString());
        Assert.Equal("A3", unknownVerdict.RootElement.GetProperty("emvsCode").GetString());

        using var alerts = JsonDocument.Parse(await client.GetStringAsync("/v1/alerts?code=unknown_serial&open=true"));
        var alert = Assert.Single(alerts.RootElement.EnumerateArray().ToList());
        var id = alert.GetProperty("id").GetInt64();
        var close = await client.PostAsJsonAsync($"/v1/alerts/{id}/close", new { rootCause = "technical", note = "scanner setup" });
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        using var closed = JsonDocument.Parse(await client.GetStringAsync("/v1/alerts?open=false"));
        Assert.Equal("technical", closed.RootElement[0].GetProperty("rootCause").GetString());

        var status = await client.GetFromJsonAsync<JsonElement>($"/v1/packs/{Uri.EscapeDataString(identifier)}");
        Assert.Equal("active", status.GetProperty("state").GetString());
        await app.StopAsync();
    }

    [Fact]
    public async Task Serve_ByDefault_RunsThePackLifecycle()
    {
        var directory = Directory.CreateTempSubdirectory("pack-serve-").FullName;
        try
        {
            var database = Path.Combine(directory, "ledger.db");
            using var server = await LedgerProcess.StartAsync(database, packRules: true);
            using var client = new HttpClient { BaseAddress = server.Address };

            var verified = await client.PostAsJsonAsync("/v1/verify", new { identifier = PackIdentifier.ForGtinSerial(Gtin, "NOPE") });
            using var verdict = JsonDocument.Parse(await verified.Content.ReadAsStringAsync());

            Assert.Equal("unknown_product", verdict.RootElement.GetProperty("code").GetString());
            Assert.True(File.Exists(database + ".scratch"));
            await server.KillAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
