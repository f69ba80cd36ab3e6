using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TraceGateway.Hosting;
using TraceGateway.Security;
using TraceLedger.Api;

namespace TraceGateway.Tests.Support;

/// <summary>The gateway composed exactly as Program does, on Kestrel at a free loopback port (for a real browser).</summary>
public sealed class KestrelGateway : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string directory;

    private KestrelGateway(WebApplication app, string directory, Uri address)
    {
        this.app = app;
        this.directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Starts a gateway; <paramref name="settings"/> adds configuration, <paramref name="services"/> registers more services.</summary>
    public static async Task<KestrelGateway> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var directory = Directory.CreateTempSubdirectory("gateway-kestrel-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = HostArguments.With(null), ContentRootPath = directory, EnvironmentName = "Production" });
        builder.Configuration["Ledger:Database"] = Path.Combine(directory, "ledger.db");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        services?.Invoke(builder.Services);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddGateway();
        var app = builder.Build();
        app.UseGateway();
        await app.StartAsync();
        return new KestrelGateway(app, directory, new Uri(app.Urls.First()));
    }

    /// <summary>A client for this gateway with a key of <paramref name="role"/> (party roles act as <see cref="TestData.Gln"/>(1)).</summary>
    public async Task<HttpClient> ClientAsync(string role)
    {
        var client = new HttpClient { BaseAddress = Address };
        {
            var owner = new ApiKeyOwner(role, role == GatewayRoles.Admin ? "ops" : TestData.Gln(1));
            var key = await app.Services.GetRequiredService<GatewayKeys>().CreateAsync(owner, CancellationToken.None);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        }

        return client;
    }

    /// <summary>A new key of <paramref name="role"/> acting as <paramref name="subject"/>.</summary>
    public Task<string> KeyAsync(string role, string subject) =>
        app.Services.GetRequiredService<GatewayKeys>().CreateAsync(new ApiKeyOwner(role, subject), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
