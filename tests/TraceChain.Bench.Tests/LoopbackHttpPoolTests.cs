using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TraceChain.Bench.Tests;

/// <summary>The lean load client against a real Kestrel: kept-alive connections, both body framings, statuses checked.</summary>
public sealed class LoopbackHttpPoolTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, bool> connections = new();
    private WebApplication? app;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Use((context, next) =>
        {
            connections.TryAdd(context.Connection.Id, true); // a kept-alive connection carries many requests
            return next(context);
        });
        app.MapPost("/echo", async (HttpRequest request) => Results.Text(await new StreamReader(request.Body).ReadToEndAsync(), "application/json"));
        app.MapGet("/chunked", async (HttpResponse response) =>
        {
            // No Content-Length: Kestrel sends the body chunked, one chunk per flush.
            await response.WriteAsync("first ");
            await response.Body.FlushAsync();
            await response.WriteAsync(new string('x', 20_000));
        });
        app.MapGet("/missing", () => Results.NotFound(new { error = "no such pack" }));
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Requests_OneAtATime_ShareOneKeptAliveConnection_WhateverTheFraming()
    {
        var (pool, host) = Pool();
        using (pool)
        {
            for (var i = 0; i < 20; i++)
            {
                await pool.ExpectOkAsync(LoopbackHttpConnection.Request("POST", "/echo", host, [], $"{{\"n\":{i}}}"), CancellationToken.None);
                await pool.ExpectOkAsync(LoopbackHttpConnection.Request("GET", "/chunked", host, []), CancellationToken.None);
            }
        }

        Assert.Single(connections);
    }

    [Fact]
    public async Task AnswerOtherThan200_Throws_WithTheStatus()
    {
        var (pool, host) = Pool();
        using (pool)
        {
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => pool.ExpectOkAsync(LoopbackHttpConnection.Request("GET", "/missing", host, []), CancellationToken.None));
            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);

            // The connection stays usable: the 404's body was read to its end.
            await pool.ExpectOkAsync(LoopbackHttpConnection.Request("POST", "/echo", host, [], "{}"), CancellationToken.None);
        }
    }

    private (LoopbackHttpPool Pool, string Host) Pool()
    {
        var url = new Uri(app!.Urls.First());
        return (new LoopbackHttpPool(new IPEndPoint(IPAddress.Loopback, url.Port)), url.Authority);
    }
}
