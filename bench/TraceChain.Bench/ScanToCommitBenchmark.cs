using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using ScannerAgent.Agent;
using ScannerAgent.Configuration;
using ScannerAgent.Keys;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Signing;
using TraceChain.Serial;
using TraceLedger.Api;
using TraceLedger.Log;
using TraceLedger.Storage;

namespace TraceChain.Bench;

/// <summary>
/// The whole edge path: a scan written on a real pty by a "scanner" until the ledger's receipt for its hop is back
/// at the agent (decode, sign, durable outbox commit, HTTP batch upload, ledger verify + durable commit). 8 line
/// mode scanners on one agent, each scanning at 10 scans/s, against the ledger over loopback HTTP.
/// </summary>
public sealed class ScanToCommitBenchmark : IBenchmark
{
    private const int Scanners = 8;
    private const double ScansPerSecond = 10;

    /// <inheritdoc />
    public string Name => "scan-to-commit";

    /// <inheritdoc />
    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var perScanner = context.Size(100, 30);
        var dir = Path.Combine(context.ScratchDirectory, "scan-to-commit-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        await using var ledger = await Ledger.OpenAsync(new LedgerOptions(Path.Combine(dir, "ledger.db")), cancellationToken);
        await using var app = LedgerHttpApp.Build(ledger, "http://127.0.0.1:0");
        await app.StartAsync(cancellationToken);
        var location = CheckDigit.Append("401234000001");
        await ledger.RegisterPartyAsync(new PartyRegistration(location, "Bench DC", PartyRole.Distributor, null, null), cancellationToken);
        var settings = new AgentSettings
        {
            DeviceId = "bench-agent",
            Location = location,
            KeyFile = Path.Combine(dir, "device.key"),
            OutboxPath = Path.Combine(dir, "outbox.db"),
            GatewayUrl = app.Urls.First(),
            RetryMinMilliseconds = 20,
            RetryMaxMilliseconds = 200,
        };
        using (var key = DeviceKeyFile.Create(settings.KeyFile, force: false))
        {
            await ledger.RegisterDeviceAsync(new DeviceRegistration(settings.DeviceId, location, DeviceKeys.SubjectPublicKeyInfo(key)), cancellationToken);
        }

        var ptys = new List<PseudoTerminal>();
        for (var i = 0; i < Scanners; i++)
        {
            var pty = PseudoTerminal.Open(Path.Combine(dir, $"scanner-{i}"));
            ptys.Add(pty);
            settings.Scanners.Add(new ScannerSettings { Name = $"s{i}", Port = pty.LinkPath!, Mode = "line", Suffix = "cr", Baud = 115200, Workflow = "receive" });
        }

        var written = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        using var runner = new AgentRunner(settings, TextWriter.Null);
        runner.Uplink.Settled += (entry, receipt) =>
        {
            if (receipt.IsAccepted && written.TryGetValue(entry.Identifier, out var start))
            {
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        };
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);
        try
        {
            await WaitAsync(() => ptys.All(p => p.IsClientConnected), TimeSpan.FromSeconds(10));

            // Warm-up (JIT, connection pool, first SQLite pages): a few rounds that are not counted.
            await Task.WhenAll(ptys.Select((pty, s) => Task.Run(() => Scan(pty, s, "W", 5, written, cancellationToken), cancellationToken)));
            await WaitAsync(() => latencies.Count >= Scanners * 5, TimeSpan.FromSeconds(30));
            latencies.Clear();
            var writers = ptys.Select((pty, s) => Task.Run(() => Scan(pty, s, "B", perScanner, written, cancellationToken), cancellationToken)).ToList();
            await Task.WhenAll(writers);
            await WaitAsync(() => latencies.Count >= Scanners * perScanner, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await stop.CancelAsync();
            await running;
            foreach (var pty in ptys)
            {
                pty.Dispose();
            }
        }

        var values = latencies.ToList();
        var note = $"{Scanners} line-mode scanners x {ScansPerSecond} scans/s, {values.Count} scans; outbox and ledger both SQLite WAL synchronous=FULL";
        return
        [
            new Figure("scan_to_commit_p50_ms", Measure.Percentile(values, 50), "ms", Note: note),
            new Figure("scan_to_commit_p99_ms", Measure.Percentile(values, 99), "ms"),
        ];
    }

    private static async Task Scan(PseudoTerminal pty, int scanner, string prefix, int count, ConcurrentDictionary<string, long> written, CancellationToken cancellationToken)
    {
        // Scanners start out of phase, as operators do; each then keeps its own fixed schedule.
        var interval = TimeSpan.FromSeconds(1 / ScansPerSecond);
        var start = Stopwatch.GetTimestamp() + (long)(interval.TotalSeconds * Stopwatch.Frequency * scanner / Scanners);
        for (var n = 0; n < count; n++)
        {
            var due = start + (long)(interval.TotalSeconds * Stopwatch.Frequency * n);
            var wait = TimeSpan.FromSeconds((due - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var serial = $"{prefix}{scanner:D2}{n:D6}";
            written[$"gtin:09506000134352:ser:{serial}"] = Stopwatch.GetTimestamp();
            pty.Write(Encoding.ASCII.GetBytes("]d2010950600013435217271231" + "10LOT42\u001d21" + serial + "\r"));
        }
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"scan-to-commit: condition not met within {timeout.TotalSeconds} s");
            }

            await Task.Delay(10);
        }
    }
}
