using Microsoft.AspNetCore.Builder;
using TraceLedger.Api;
using TraceLedger.Log;
using TraceLedger.Packs;

namespace TraceGateway.Tests.Notifications;

/// <summary>
/// A real <c>TraceLedger serve</c> (<see cref="LedgerHttpApp"/>) on a loopback port over a ledger file that outlives it:
/// its HTTP service can be stopped (an outage, while the ledger still takes writes from its own host) and started again
/// on the same port.
/// </summary>
internal sealed class LedgerService : IAsyncDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> requests = new();
    private WebApplication? app;

    private LedgerService(PackLedger packs, string apiKey)
    {
        Packs = packs;
        ApiKey = apiKey;
    }

    /// <summary>The ledger behind the service (for writes made on the ledger's host, not through the gateway).</summary>
    public PackLedger Packs { get; }

    /// <summary>A live key for the gateway (<c>Ledger:ApiKey</c>).</summary>
    public string ApiKey { get; }

    /// <summary>Method and path of every request the service answered, in order.</summary>
    public IReadOnlyCollection<string> Requests => requests;

    /// <summary>The service's base URL (<c>Ledger:Url</c>); the same after a restart.</summary>
    public string Url { get; private set; } = "http://127.0.0.1:0";

    public static async Task<LedgerService> StartAsync(string database)
    {
        var packs = await PackLedger.OpenAsync(new PackLedgerOptions(new LedgerOptions(database), ScratchSecret.LoadOrCreate(database + ".scratch")), CancellationToken.None);
        var service = new LedgerService(packs, await packs.Ledger.ApiKeys.CreateAsync("gateway", CancellationToken.None));
        await service.StartHttpAsync();
        return service;
    }

    /// <summary>Starts the HTTP service (again), on the port it had.</summary>
    public async Task StartHttpAsync()
    {
        app = LedgerHttpApp.Build(Packs, Url);
        app.Use((context, next) =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            return next(context);
        });
        await app.StartAsync();
        Url = app.Urls.First();
    }

    /// <summary>Stops the HTTP service; the ledger stays open.</summary>
    public async Task StopHttpAsync()
    {
        if (Interlocked.Exchange(ref app, null) is { } running)
        {
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopHttpAsync();
        await Packs.DisposeAsync();
    }
}
