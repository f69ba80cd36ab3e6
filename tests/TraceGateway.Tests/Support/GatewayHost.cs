using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TraceGateway.Security;
using TraceLedger.Api;
using TraceLedger.Log;
using TraceLedger.Packs;

namespace TraceGateway.Tests.Support;

/// <summary>
/// The gateway under WebApplicationFactory on real SQLite files in a temporary folder, in one of the two ledger modes:
/// embedded (ledger in the gateway process) or remote (a real <c>TraceLedger serve</c> app on a loopback port).
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly Factory factory;
    private readonly WebApplication? remoteApp;
    private readonly PackLedger? remoteLedger;
    private readonly Dictionary<string, string> keys = [];

    private GatewayHost(string directory, Factory factory, WebApplication? remoteApp, PackLedger? remoteLedger)
    {
        Directory = directory;
        this.factory = factory;
        this.remoteApp = remoteApp;
        this.remoteLedger = remoteLedger;
    }

    public string Directory { get; }

    public IServiceProvider Services => factory.Services;

    /// <summary>Starts a gateway; <paramref name="settings"/> adds or overrides configuration.</summary>
    public static async Task<GatewayHost> StartAsync(LedgerMode mode, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("gateway-test-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["RateLimits:PerClientPermits"] = "100000",
            ["Ledger:Database"] = Path.Combine(directory, "ledger.db"),
        };
        WebApplication? app = null;
        PackLedger? ledger = null;
        if (mode == LedgerMode.Remote)
        {
            var database = Path.Combine(directory, "remote-ledger.db");
            ledger = await PackLedger.OpenAsync(new PackLedgerOptions(new LedgerOptions(database), ScratchSecret.LoadOrCreate(database + ".scratch")), CancellationToken.None);
            app = LedgerHttpApp.Build(ledger, "http://127.0.0.1:0");
            await app.StartAsync();
            config["Ledger:Url"] = app.Urls.First();
            config["Ledger:ApiKey"] = await ledger.Ledger.ApiKeys.CreateAsync("gateway", CancellationToken.None);
            config["Ledger:KeysDatabase"] = Path.Combine(directory, "gateway-keys.db");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var factory = new Factory(config, services);
        _ = factory.Services; // starts the host (opens the ledger or the key store)
        return new GatewayHost(directory, factory, app, ledger);
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => factory.CreateClient();

    /// <summary>A client sending a key of <paramref name="role"/> (created once per role and host).</summary>
    public async Task<HttpClient> ClientAsync(string role)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", await KeyAsync(role));
        return client;
    }

    /// <summary>A key for <paramref name="role"/>; party roles get a party GLN as subject.</summary>
    public async Task<string> KeyAsync(string role)
    {
        if (!keys.TryGetValue(role, out var key))
        {
            var subject = role == GatewayRoles.Admin ? "ops" : TestData.Gln(GatewayRoles.All.ToList().IndexOf(role) + 1);
            key = await Services.GetRequiredService<GatewayKeys>().CreateAsync(new ApiKeyOwner(role, subject), CancellationToken.None);
            keys[role] = key;
        }

        return key;
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        if (remoteApp is not null)
        {
            await remoteApp.StopAsync();
            await remoteApp.DisposeAsync();
        }

        if (remoteLedger is not null)
        {
            await remoteLedger.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>A browser-like client: keeps cookies; <paramref name="followRedirects"/> false to see each 302/303.</summary>
    public HttpClient Browser(bool followRedirects = false) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}
