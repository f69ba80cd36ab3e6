using Microsoft.AspNetCore.Builder;
using TraceLedger.Api;

namespace TraceLedger.Tests.Support;

/// <summary>The real HTTP service (Kestrel on a free loopback port) over a <see cref="TempLedger"/>.</summary>
internal sealed class LedgerServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LedgerServer(TempLedger temp, WebApplication app, HttpClient client)
    {
        Temp = temp;
        this.app = app;
        Client = client;
    }

    public TempLedger Temp { get; }

    public HttpClient Client { get; }

    public static async Task<LedgerServer> StartAsync()
    {
        var temp = await TempLedger.CreateAsync();
        var app = LedgerHttpApp.Build(temp.Ledger, "http://127.0.0.1:0");
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var apiKey = await temp.Ledger.ApiKeys.CreateAsync("tests", CancellationToken.None);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return new LedgerServer(temp, app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await Temp.DisposeAsync();
    }
}
