extern alias gateway;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using gateway::TraceGateway.Hosting;
using gateway::TraceGateway.LedgerAccess;
using gateway::TraceGateway.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TraceChain.Protocol.Gs1;
using TraceLedger.Api;
using TraceLedger.Log;
using TraceLedger.Packs;
using TraceLedger.Storage;

namespace TraceChain.Bench;

/// <summary>
/// Partner verification over HTTP: the real gateway (embedded ledger with the pack lifecycle) on Kestrel at a
/// loopback port, concurrent clients posting <c>/v1/verifications</c> with a pharmacy API key. Each verification is
/// recorded by the ledger (first verification time, count) and answered once that record is committed (its WAL sync
/// follows within milliseconds: docs/ledger.md, Durability), so this is the full
/// authenticate-read-record path. The clients run in the same process (2 shared cores): the same clients
/// against <c>/healthz</c> give the same-run ceiling of Kestrel and the clients alone, and the process CPU per request
/// and the writer's counters (verifications per commit, busy share) say what limits the figure.
/// Throughput is the most the clients get answered back to back (closed loop, the server saturated). Latency is
/// measured as a latency goal is stated, at the goal's rate: requests paced at <see cref="GoalRate"/> per second
/// (<see cref="HttpLoad.PacedAsync"/>); the latency of the saturated run is reported beside it.
/// </summary>
public sealed class VerifyHttpBenchmark : IBenchmark
{
    private const string Manufacturer = "4012345000009";
    private const string Pharmacy = "4012345000016";

    // Many independent partners' systems, each on a kept-alive connection: paced (latency) and back to back
    // (throughput). With 16 the back-to-back run no longer saturated the server once the writer holds a group open
    // for up to a millisecond (LogWriter.GroupWindow): each client then waits longer per request, and 16 clients
    // measured their own round trips rather than what the server can answer.
    private const int Clients = 64;
    private const int CommissionBatch = 100_000;
    private const double GoalRate = 5_000;
    private const int RequestSample = 100_000;

    public string Name => "VerifyHttp";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = Directory.CreateDirectory(Path.Combine(context.ScratchDirectory, "verify-http")).FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = HostArguments.With(null), ContentRootPath = directory, EnvironmentName = "Production" });
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
            var total = context.Size(1_000_000, 20_000);
            var commissioning = Stopwatch.StartNew();
            var identifiers = await CommissionAsync(packs, total, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {total:N0} packs commissioned in {commissioning.Elapsed.TotalSeconds:0.0} s"));

            var key = await app.Services.GetRequiredService<GatewayKeys>().CreateAsync(new ApiKeyOwner(GatewayRoles.Pharmacy, Pharmacy), cancellationToken);
            var server = new Uri(app.Urls.First());
            using var connections = new LoopbackHttpPool(new IPEndPoint(IPAddress.Loopback, server.Port));
            (string, string)[] authorization = [("Authorization", "ApiKey " + key)];
            // Requests for a random sample of the packs, built once (all million would hold 300 MB on the heap).
            var sample = new Random(7);
            var requests = Enumerable.Range(0, Math.Min(identifiers.Count, RequestSample))
                .Select(_ => LoopbackHttpConnection.Request("POST", "/v1/verifications", server.Authority, authorization, $"{{\"identifier\":\"{identifiers[sample.Next(identifiers.Count)]}\"}}"))
                .ToArray();
            var health = LoopbackHttpConnection.Request("GET", "/healthz", server.Authority, authorization);

            // Warm-up until the rate settles: tiered JIT reaches its optimised code (a profile of a 1 s warm-up still
            // showed 15 % of the CPU in the JIT), connections open, the page cache fills.
            HttpLoad.SendAsync verify = (random, ct) => connections.ExpectOkAsync(requests[random.Next(requests.Length)], ct);
            var warmRounds = await WarmUpAsync(verify, context.Quick ? 3 : 10, cancellationToken);
            var noop = await HttpLoad.ClosedLoopAsync(Clients, TimeSpan.FromSeconds(context.Quick ? 1 : 3), (_, ct) => connections.ExpectOkAsync(health, ct), cancellationToken);

            var duration = TimeSpan.FromSeconds(context.Quick ? 3 : 10);
            var writerBefore = packs.Ledger.WriterStatistics;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var jitBefore = BackgroundJitCpu();
            Console.WriteLine($"   saturating for {duration.TotalSeconds:0} s");
            var run = await HttpLoad.ClosedLoopAsync(Clients, duration, verify, cancellationToken);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            // The JIT thread may end and be replaced while we measure: its time is then missing, never invented.
            var jit = TimeSpan.FromTicks(Math.Max(0, (BackgroundJitCpu() - jitBefore).Ticks));
            var writer = packs.Ledger.WriterStatistics.Since(writerBefore);

            // The paced clients' connections open (64, where the throughput run used 16) and the writer's queue and the
            // WAL settle at this rate before the figures count: a partner's system keeps its connection.
            await HttpLoad.PacedAsync(Clients, GoalRate, TimeSpan.FromSeconds(context.Quick ? 1 : 2), verify, cancellationToken);
            Console.WriteLine($"   {GoalRate:N0} req/s paced for {duration.TotalSeconds:0} s");
            var pacedWriterBefore = packs.Ledger.WriterStatistics;
            var gcPauseBefore = GC.GetTotalPauseDuration();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var paced = await HttpLoad.PacedAsync(Clients, GoalRate, duration, verify, cancellationToken);
            var gcPause = GC.GetTotalPauseDuration() - gcPauseBefore;
            var allocatedKb = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / Math.Max(1, paced.Latencies.Count);
            var gcCounts = $"{GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}";
            var pacedWriter = packs.Ledger.WriterStatistics.Since(pacedWriterBefore);
            var wal = pacedWriter.Wal ?? WalCheckpointCounts.None;
            var ledgerSlow = (pacedWriter.AnswerTimes ?? WriteAnswerTimes.None).ShareSlowerThan(5);
            var slow = paced.Latencies.Count(ms => ms > 5) / (double)Math.Max(1, paced.Latencies.Count);

            var p50 = Measure.Percentile(paced.Latencies, 50);
            var p99 = Measure.Percentile(paced.Latencies, 99);
            var saturatedP50 = Measure.Percentile(run.Latencies, 50);
            var saturatedP99 = Measure.Percentile(run.Latencies, 99);
            var cpuUs = cpu.TotalMicroseconds / run.Latencies.Count;
            var jitUs = jit.TotalMicroseconds / run.Latencies.Count;
            var workUs = cpuUs - jitUs;
            var commitMs = DurableCommitProbe.MedianCommitMs(directory, context.Size(500, 200));
            var note = string.Create(CultureInfo.InvariantCulture,
                $"{total:N0} packs; clients on loopback in the same process (kept-alive HTTP/1.1 connections of a lean client, LoopbackHttpConnection). Latency: {Clients} clients paced at {GoalRate:N0} req/s in all for {duration.TotalSeconds:0} s "
                + $"({paced.Latencies.Count:N0} verifications, {paced.Rate:N0} req/s answered; {slow:P1} took over 5 ms end to end, and the ledger's writer answered {ledgerSlow:P1} more than 5 ms after they were queued; writer {pacedWriter.WritesPerCommit:0.0} per commit, busy {pacedWriter.Busy / paced.Elapsed:P0}; "
                + $"SQLite WAL checkpoints beside the writer: {wal.Passes} background passes, {wal.Failures} failed; GC paused {gcPause.TotalMilliseconds:0} ms in gen0/1/2 collections {gcCounts}, {allocatedKb:0} KB allocated per request, clients included). "
                + $"Throughput: {Clients} clients back to back for {duration.TotalSeconds:0} s, {run.Latencies.Count:N0} verifications (p50 {saturatedP50:0.0} ms, p99 {saturatedP99:0.0} ms saturated); "
                + $"limits: process CPU {cpuUs:N0} us/request (clients included), of which the runtime's background tiered JIT {jitUs:N0} us; "
                + $"without it {workUs:N0} us = at most {Environment.ProcessorCount * 1e6 / workUs:N0} req/s on {Environment.ProcessorCount} cores; "
                + $"the same clients on /healthz {noop.Rate:N0} req/s; writer {writer.WritesPerCommit:0.0} verifications per commit, busy {writer.Busy / run.Elapsed:P0} "
                + $"(commit {writer.Committing.TotalMilliseconds / Math.Max(1, writer.Commits):0.00} ms each, its WAL sync on the thread beside it; a lone durable commit {commitMs:0.00} ms); "
                + $"{warmRounds} s warm-up; load {LoadAverage()}");
            return
            [
                new Figure("verify_http_p50_ms", p50, "ms", Note: note),
                new Figure("verify_http_p99_saturated_ms", saturatedP99, "ms", Note: "p99 of the throughput run: the server saturated by clients sending back to back, so latency is queueing by construction"),
                new Figure("verify_http_p99_ms", p99, "ms", 5, p99 / 5, note),
                new Figure("verify_http_rps", run.Rate, "req/s", 5000, run.Rate / 5000, note),
                new Figure("verify_http_cpu_us_per_request", workUs, "us", Note: string.Create(CultureInfo.InvariantCulture, $"process CPU per verification (gateway, ledger and the in-process clients), without the runtime's background tiered JIT ({jitUs:N0} us more)")),
                new Figure("verify_http_noop_rps", noop.Rate, "req/s", Note: "the same clients and API key on GET /healthz: Kestrel + the clients + auth on these cores"),
                new Figure("verify_http_writes_per_commit", writer.WritesPerCommit, "x", Note: "verifications sharing one commit (group commit in the log writer; answered at commit, synced beside it)"),
                new Figure("sqlite_durable_commit_ms", commitMs, "ms", Note: "one single-row commit, WAL + synchronous=FULL, median, same disk as the ledger"),
            ];
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>One-second rounds of verifications until two rounds in a row agree within 10 %, at most <paramref name="maxRounds"/>.</summary>
    private static async Task<int> WarmUpAsync(HttpLoad.SendAsync verify, int maxRounds, CancellationToken cancellationToken)
    {
        var previous = 0.0;
        for (var round = 1; round <= maxRounds; round++)
        {
            var rate = (await HttpLoad.ClosedLoopAsync(Clients, TimeSpan.FromSeconds(1), verify, cancellationToken)).Rate;
            if (round > 1 && Math.Abs(rate - previous) <= 0.1 * previous)
            {
                return round;
            }

            previous = rate;
        }

        return maxRounds;
    }

    /// <summary>Registers the parties and commissions <paramref name="total"/> packs through the ledger's real commissioning service.</summary>
    private static async Task<List<string>> CommissionAsync(PackLedger packs, int total, CancellationToken cancellationToken)
    {
        await packs.Ledger.RegisterPartyAsync(new PartyRegistration(Manufacturer, "Bench Pharma", PartyRole.Manufacturer, 31.2, 121.5), cancellationToken);
        await packs.Ledger.RegisterPartyAsync(new PartyRegistration(Pharmacy, "Bench Pharmacy", PartyRole.Pharmacy, 31.3, 121.4), cancellationToken);
        await packs.Commissioning.RegisterCompanyPrefixAsync("400638", Manufacturer, cancellationToken);
        var identifiers = new List<string>(total);
        for (var b = 0; b * CommissionBatch < total; b++)
        {
            var result = await packs.Commissioning.CommissionAsync(
                new CommissionRequest(Manufacturer, CheckDigit.Append($"0400638{b:D6}"), "B" + b, "301231", new ProductData("Bench", "1 mg", "tablet", 10), Math.Min(CommissionBatch, total - (b * CommissionBatch))),
                cancellationToken);
            identifiers.AddRange(result.Packs.Select(p => p.Identifier));
        }

        return identifiers;
    }

    /// <summary>
    /// CPU time of the runtime's background tiered-compilation thread (Linux: /proc/self/task/*/stat), so the CPU a
    /// request costs can be told from JIT work that is still going on; zero where /proc is not available.
    /// </summary>
    private static TimeSpan BackgroundJitCpu()
    {
        var ticks = 0L;
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the parenthesised name: state is field 3, utime 14 and stime 15 (clock ticks of 1/100 s).
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
