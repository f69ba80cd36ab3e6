using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TraceChain.Protocol.Gs1;
using TraceGateway.Hosting;
using TraceGateway.Security;
using TraceLedger.Api;

namespace ScannerAgent.Tests.Support;

/// <summary>TraceGateway (embedded ledger) on Kestrel at a free loopback port, with a manufacturer that has commissioned a batch.</summary>
internal sealed class GatewayServer : IAsyncDisposable
{
    public static readonly string ManufacturerGln = CheckDigit.Append("401234000001");
    public static readonly string Gtin = CheckDigit.Append("0400638000050");
    private readonly WebApplication app;

    private GatewayServer(WebApplication app, string directory)
    {
        this.app = app;
        Directory = directory;
        Url = app.Urls.First();
    }

    public string Directory { get; }

    public string Url { get; }

    public static async Task<GatewayServer> StartAsync(string directory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = HostArguments.With(null), ContentRootPath = directory, EnvironmentName = "Production" });
        builder.Configuration["Ledger:Database"] = Path.Combine(directory, "ledger.db");
        builder.Configuration["DigitalLink:BaseUri"] = "https://id.pharma.test";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddGateway();
        var app = builder.Build();
        app.UseGateway();
        await app.StartAsync();
        return new GatewayServer(app, directory);
    }

    public Task<string> KeyAsync(string role, string subject) =>
        app.Services.GetRequiredService<GatewayKeys>().CreateAsync(new ApiKeyOwner(role, subject), CancellationToken.None);

    /// <summary>Registers the manufacturer and its company prefix, commissions <paramref name="count"/> random serials of lot <paramref name="lot"/>; returns the manufacturer's key and the pack identifiers.</summary>
    public async Task<(string Key, IReadOnlyList<string> Identifiers)> CommissionAsync(string lot, string expiry, int count)
    {
        using var admin = Client(await KeyAsync(GatewayRoles.Admin, "ops"));
        (await admin.PostAsJsonAsync("/v1/parties", new { gln = ManufacturerGln, name = "Test Pharma", role = "manufacturer" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/v1/company-prefixes", new { prefix = "4006380", partyGln = ManufacturerGln })).EnsureSuccessStatusCode();
        var key = await KeyAsync(GatewayRoles.Manufacturer, ManufacturerGln);
        using var manufacturer = Client(key);
        using var response = await manufacturer.PostAsJsonAsync("/v1/batches", new
        {
            gtin = Gtin,
            lot,
            expiry,
            product = new { name = "Amoxicillin", strength = "500 mg", form = "capsule", packSize = 20 },
            count,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (key, [.. body.GetProperty("packs").EnumerateArray().Select(p => p.GetProperty("identifier").GetString()!)]);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }
}
