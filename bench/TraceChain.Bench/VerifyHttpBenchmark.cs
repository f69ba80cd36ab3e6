extern alias gateway;

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using gateway::TraceGateway.Hosting;
using gateway::TraceGateway.LedgerAccess;
using gateway::TraceGateway.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TraceChain.Protocol.Gs1;
using TraceLedger.Log;
using TraceLedger.Packs;
using TraceLedger.Storage;

namespace TraceChain.Bench;

/// <summary>
/// Partner verification over HTTP: the real gateway (embedded ledger with the pack lifecycle) on Kestrel at a
/// loopback port, concurrent clients posting <c>/v1/verifications</c> with a pharmacy API key. Each verification is
/// recorded by the ledger (first verification time, count), so this is the full read-and-record path.
/// </summary>
public sealed class VerifyHttpBenchmark : IBenchmark
{
    private const string Manufacturer = "4012345000009";
    private const string Pharmacy = "4012345000016";
    private const int Clients = 16;

    public string Name => "VerifyHttp";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = Directory.CreateDirectory(Path.Combine(context.ScratchDirectory, "verify-http")).FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory, EnvironmentName = "Production" });
        builder.Configuration["Ledger:Database"] = Path.Combine(directory, "ledger.db");
        builder.Configuration["RateLimits:PerClientPermits"] = "100000000";
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddGateway();
        await using var app = builder.Build();
        app.UseGateway();
        await app.StartAsync(cancellationToken);
        try
        {
            var packs = app.Services.GetRequiredService<EmbeddedLedgerHost>().Packs;
            await packs.Ledger.RegisterPartyAsync(new PartyRegistration(Manufacturer, "Bench Pharma", PartyRole.Manufacturer, 31.2, 121.5), cancellationToken);
            await packs.Ledger.RegisterPartyAsync(new PartyRegistration(Pharmacy, "Bench Pharmacy", PartyRole.Pharmacy, 31.3, 121.4), cancellationToken);
            await packs.Commissioning.RegisterCompanyPrefixAsync("400638", Manufacturer, cancellationToken);
            var total = context.Size(1_000_000, 20_000);
            var identifiers = new List<string>(total);
            for (var b = 0; b * 100_000 < total; b++)
            {
                var result = await packs.Commissioning.CommissionAsync(
                    new CommissionRequest(Manufacturer, CheckDigit.Append($"0400638{b:D6}"), "B" + b, "301231", new ProductData("Bench", "1 mg", "tablet", 10), Math.Min(100_000, total - (b * 100_000))),
                    cancellationToken);
                identifiers.AddRange(result.Packs.Select(p => p.Identifier));
            }

            var key = await app.Services.GetRequiredService<GatewayKeys>().CreateAsync(new ApiKeyOwner(GatewayRoles.Pharmacy, Pharmacy), cancellationToken);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);

            await RunClientsAsync(client, identifiers, TimeSpan.FromSeconds(1), cancellationToken); // warm-up: JIT, connections, page cache
            var duration = TimeSpan.FromSeconds(context.Quick ? 3 : 10);
            var watch = Stopwatch.StartNew();
            var latencies = await RunClientsAsync(client, identifiers, duration, cancellationToken);
            var rps = latencies.Count / watch.Elapsed.TotalSeconds;
            var p50 = Measure.Percentile(latencies, 50);
            var p99 = Measure.Percentile(latencies, 99);
            // What limits it: every verification is recorded in its own durable transaction through the single log
            // writer, so the rate cannot exceed one fsync'd commit at a time. Measured here, on the same disk.
            var commitMs = DurableCommitProbe.MedianCommitMs(directory, context.Size(500, 200));
            var note = $"{total:N0} packs; {Clients} concurrent clients on loopback for {duration.TotalSeconds:0} s; {latencies.Count:N0} verifications, "
                + $"each recorded in its own durable commit (median {commitMs:0.00} ms here, i.e. at most {1000 / commitMs:N0} commits/s on one writer)";
            return
            [
                new Figure("verify_http_p50_ms", p50, "ms", Note: note),
                new Figure("verify_http_p99_ms", p99, "ms", 5, p99 / 5, note),
                new Figure("verify_http_rps", rps, "req/s", 5000, rps / 5000, note),
                new Figure("sqlite_durable_commit_ms", commitMs, "ms", Note: "one single-row commit, WAL + synchronous=FULL, median, same disk as the ledger"),
            ];
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Each client posts verifications of random packs back to back until the time is up; returns every latency in ms.</summary>
    private static async Task<List<double>> RunClientsAsync(HttpClient client, IReadOnlyList<string> identifiers, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var perClient = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            var random = new Random(c);
            var times = new List<double>();
            while (!stop.IsCancellationRequested)
            {
                var body = $"{{\"identifier\":\"{identifiers[random.Next(identifiers.Count)]}\"}}";
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(new Uri("/v1/verifications", UriKind.Relative), content, cancellationToken);
                response.EnsureSuccessStatusCode();
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return times;
        }));
        return [.. perClient.SelectMany(t => t)];
    }
}
