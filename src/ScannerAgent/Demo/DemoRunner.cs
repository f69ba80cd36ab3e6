using System.Diagnostics;
using System.Text;
using FirmwareSim.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using FirmwareSim.Serial;
using ScannerAgent.Agent;
using ScannerAgent.Configuration;
using ScannerAgent.Keys;
using ScannerAgent.Uplink;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Scanning;
using TraceChain.Protocol.Signing;
using TraceChain.Serial.Scanning;
using TraceGateway.Hosting;
using TraceGateway.LedgerAccess;
using TraceGateway.Security;
using TraceLedger.Api;
using TraceLedger.Packs;

namespace ScannerAgent.Demo;

/// <summary>
/// The whole chain on one machine: TraceGateway in embedded mode (the ledger with the pack lifecycle,
/// <see cref="PackLedger"/>, on SQLite in the demo folder; HTTP on loopback), parties and devices registered over the registry API, the batch commissioned through the
/// commissioning service, one ScannerAgent per site with its outbox, and firmware-sim scanners on ptys playing
/// <see cref="DemoScenario"/> phase by phase. The ledger's pack rules refuse the planted problems and raise the
/// alerts; the demo only reports them. A live summary goes to the console; agent and simulator logs go to files in
/// the demo folder.
/// </summary>
public sealed class DemoRunner
{
    private readonly DemoOptions _options;
    private readonly TextWriter _console;
    private readonly List<Alert> _alerts = [];
    private readonly List<AgentRunner> _agents = [];
    private readonly Dictionary<string, SimulatedScanner> _sims = new(StringComparer.Ordinal);
    private readonly List<StreamWriter> _logs = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Prepares a run.</summary>
    public DemoRunner(DemoOptions options, TextWriter console)
    {
        _options = options;
        _console = TextWriter.Synchronized(console);
    }

    /// <summary>Plays the scenario; then runs until cancelled unless <see cref="DemoOptions.ExitWhenDone"/>.</summary>
    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        var dir = _options.Directory;
        if (System.IO.Directory.Exists(dir) && System.IO.Directory.EnumerateFileSystemEntries(dir).Any())
        {
            throw new IOException($"demo folder {dir} is not empty; the demo starts a fresh ledger");
        }

        foreach (var sub in new[] { "keys", "outbox", "tty", "logs" })
        {
            System.IO.Directory.CreateDirectory(Path.Combine(dir, sub));
        }

        var database = Path.Combine(dir, "ledger.db");
        await using var app = BuildGateway(database);
        await app.StartAsync(cancellationToken);
        var packs = app.Services.GetRequiredService<EmbeddedLedgerHost>().Packs;
        var url = app.Urls.First().TrimEnd('/');
        Say($"gateway with embedded ledger and pack lifecycle: {url} (SQLite {database}); logs in {Path.Combine(dir, "logs")}");

        using var stopAgents = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task>();
        try
        {
            var adminKey = await app.Services.GetRequiredService<GatewayKeys>().CreateAsync(new ApiKeyOwner(GatewayRoles.Admin, "demo"), cancellationToken);
            await RegisterAndStartAsync(adminKey, url, running, stopAgents.Token, cancellationToken);
            await CommissionAsync(packs, cancellationToken);
            await PlayAsync(packs, cancellationToken);
            var result = Result(url);
            Summary(result);
            if (!_options.ExitWhenDone)
            {
                Say("the chain keeps running; press Ctrl-C to stop");
                await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return result;
        }
        finally
        {
            await stopAgents.CancelAsync();
            await Task.WhenAll(running);
            foreach (var sim in _sims.Values)
            {
                sim.Dispose();
            }

            foreach (var agent in _agents)
            {
                agent.Dispose();
            }

            foreach (var log in _logs)
            {
                await log.DisposeAsync();
            }

            await app.StopAsync(CancellationToken.None);
        }
    }

    private WebApplication BuildGateway(string database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = HostArguments.With(null),
            ApplicationName = typeof(GatewayServices).Assembly.GetName().Name,
            ContentRootPath = _options.Directory,
        });
        builder.WebHost.UseUrls(_options.Urls);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ledger:Database"] = database,

            // Every agent uploads from 127.0.0.1, so the per-address limit for anonymous callers would throttle the
            // whole chain as one client.
            ["RateLimits:PerClientPermits"] = "100000",
        });

        // The console is the demo summary; the gateway's request logs would drown it.
        builder.Logging.ClearProviders();
        builder.AddGateway();
        var app = builder.Build();
        app.UseGateway();
        return app;
    }

    private async Task RegisterAndStartAsync(string apiKey, string url, List<Task> running, CancellationToken agentsToken, CancellationToken cancellationToken)
    {
        using var client = new GatewayClient(new Uri(url + "/"), TimeSpan.FromSeconds(10));
        var simId = 0;
        foreach (var party in DemoScenario.Parties)
        {
            await client.RegisterPartyAsync(apiKey, party.Gln, party.Name, party.Role, cancellationToken);
            var keyFile = Path.Combine(_options.Directory, "keys", party.DeviceId + ".key");
            using (var key = DeviceKeyFile.Create(keyFile, force: false))
            {
                await client.RegisterDeviceAsync(apiKey, party.DeviceId, party.Gln, DeviceKeys.ExportPublicKey(key), cancellationToken);
            }

            var settings = new AgentSettings
            {
                DeviceId = party.DeviceId,
                Location = party.Gln,
                KeyFile = keyFile,
                OutboxPath = Path.Combine(_options.Directory, "outbox", party.DeviceId + ".db"),
                GatewayUrl = url,
                RetryMinMilliseconds = 50,
                RetryMaxMilliseconds = 2000,
            };
            foreach (var scanner in DemoScenario.Scanners.Where(s => s.Agent == party.DeviceId))
            {
                var port = Path.Combine(_options.Directory, "tty", scanner.Name);
                var mode = scanner.Mode == "ssi" ? ScannerMode.Ssi : ScannerMode.Line;
                _sims.Add(scanner.Name, new SimulatedScanner(
                    new SimulatedScannerOptions(++simId, port, mode) { Suffix = LineSuffix.CrLf, Interval = TimeSpan.FromSeconds(1 / _options.Rate) },
                    Logger("firmware-sim")));
                settings.Scanners.Add(new ScannerSettings { Name = scanner.Name, Port = port, Mode = scanner.Mode, Baud = 115200, Suffix = "crlf", Workflow = scanner.Workflow, Destination = scanner.Destination });
            }

            var log = new StreamWriter(Path.Combine(_options.Directory, "logs", party.DeviceId + ".log")) { AutoFlush = true };
            _logs.Add(log);
            var agent = new AgentRunner(settings, log);
            agent.Uplink.Settled += OnSettled;
            _agents.Add(agent);
            running.Add(Task.Run(() => agent.RunAsync(agentsToken), CancellationToken.None));
            Say($"{party.Name}: GLN {party.Gln}, agent {party.DeviceId} with {settings.Scanners.Count} scanner(s) ({string.Join(", ", settings.Scanners.Select(s => $"{s.Name} {s.Mode} {s.Workflow}"))})");
        }
    }

    private async Task CommissionAsync(PackLedger packs, CancellationToken cancellationToken)
    {
        var manufacturer = DemoScenario.Parties[0];
        await packs.Commissioning.RegisterCompanyPrefixAsync(DemoScenario.CompanyPrefix, manufacturer.Gln, cancellationToken);
        var batch = await packs.Commissioning.CommissionAsync(
            new CommissionRequest(manufacturer.Gln, DemoScenario.Gtin, DemoScenario.Lot, DemoScenario.Expiry, DemoScenario.Product, DemoScenario.Commissioned.Count, ImportedSerials: DemoScenario.Commissioned),
            cancellationToken);
        Say($"{manufacturer.Name} commissions batch {DemoScenario.Lot} of {DemoScenario.Product.Name}: {batch.Packs.Count} packs (log entry {batch.Seq}, company prefix {DemoScenario.CompanyPrefix})");
    }

    private async Task PlayAsync(PackLedger packs, CancellationToken cancellationToken)
    {
        for (var phase = 0; phase < DemoScenario.Phases.Count; phase++)
        {
            Say($"phase {phase + 1}/{DemoScenario.Phases.Count}: {DemoScenario.Phases[phase]}");
            foreach (var scanner in DemoScenario.Scanners.Where(s => s.Phase == phase))
            {
                var sim = _sims[scanner.Name];
                sim.Start(scanner.Serials
                    .Select(s => new ScenarioStep(0, sim.Id, null, ScenarioAction.Scan, Encoding.Latin1.GetBytes(DemoScenario.Scan(s)), 1, TimeSpan.Zero))
                    .ToList());
            }

            var target = DemoScenario.ScansThrough(phase);
            var deadline = _clock.Elapsed + _options.PhaseTimeout;
            var lastPrint = TimeSpan.Zero;
            while (Settled() < target)
            {
                if (_clock.Elapsed > deadline)
                {
                    Say($"phase {phase + 1} incomplete after {_options.PhaseTimeout.TotalSeconds:0} s: {Settled()} of {target} hops settled; going on (see the logs)");
                    break;
                }

                if (_clock.Elapsed - lastPrint >= TimeSpan.FromSeconds(1))
                {
                    lastPrint = _clock.Elapsed;
                    await ReadAlertsAsync(packs, cancellationToken);
                    Progress(phase, target);
                }

                await Task.Delay(100, cancellationToken);
            }

            await ReadAlertsAsync(packs, cancellationToken);
            Progress(phase, target);
        }
    }

    // The pack rules write a refused hop's alert in the same transaction as its receipt, so once every hop is
    // settled the ledger's alert list is complete.
    private async Task ReadAlertsAsync(PackLedger packs, CancellationToken cancellationToken)
    {
        var newestFirst = await packs.Alerts.ListAsync(new AlertQuery(Limit: 1000), cancellationToken);
        var seen = _alerts.Count == 0 ? 0 : _alerts[^1].Id;
        foreach (var alert in newestFirst.Where(a => a.Id > seen).OrderBy(a => a.Id))
        {
            _alerts.Add(alert);
            Say($"ALERT {Alerts.WireName(alert.Code).ToUpperInvariant()}: {alert.Identifier} at {alert.LocationGln}: {alert.Detail}");
        }
    }

    private void OnSettled(Outbox.OutboxEntry entry, UplinkReceipt receipt)
    {
        if (receipt.Status == "refused")
        {
            Say($"REFUSED {SignedHop.Parse(entry.Entry).Hop.Identifiers[0]}: {receipt.Message}");
        }
    }

    private long Settled() => _agents.Sum(a => a.Outbox.Counts().Where(c => c.Key != "pending").Sum(c => c.Value));

    private (long Accepted, long Refused, long Pending, long Invalid) Counts()
    {
        long accepted = 0, refused = 0, pending = 0;
        foreach (var agent in _agents)
        {
            var counts = agent.Outbox.Counts();
            accepted += counts.GetValueOrDefault("accepted") + counts.GetValueOrDefault("duplicate");
            refused += counts.GetValueOrDefault("refused");
            pending += counts.GetValueOrDefault("pending");
        }

        return (accepted, refused, pending, _agents.SelectMany(a => a.Workers).Sum(w => w.Invalid));
    }

    private void Progress(int phase, int target)
    {
        var (accepted, refused, pending, invalid) = Counts();
        Say($"  phase {phase + 1}/{DemoScenario.Phases.Count}  target {target}  in ledger {accepted}  refused {refused}  pending {pending}  invalid scans {invalid}  alerts {_alerts.Count}");
    }

    private DemoResult Result(string url)
    {
        var (accepted, refused, pending, _) = Counts();
        return new DemoResult(
            DemoScenario.ScansThrough(DemoScenario.Phases.Count - 1),
            accepted,
            refused,
            pending,
            [.. _alerts],
            DemoScenario.DigitalLink(url, DemoScenario.GenuineSerial),
            DemoScenario.DigitalLink(url, DemoScenario.CounterfeitSerial));
    }

    private void Summary(DemoResult result)
    {
        Say($"scenario done: {result.Scans} scans, {result.Accepted} hops in the ledger, {result.Refused} refused, {result.Pending} pending, {result.Alerts.Count} ledger alert(s)");
        foreach (var alert in result.Alerts)
        {
            Say($"  {Alerts.WireName(alert.Code),-26} {alert.Identifier}  {alert.Detail}");
        }

        Say($"consumer page of a genuine pack: {result.GenuineUrl}");
        Say($"consumer page of the fake pack:  {result.FakeUrl}");
    }

    private Action<string> Logger(string name)
    {
        var log = new StreamWriter(Path.Combine(_options.Directory, "logs", name + ".log"), append: true) { AutoFlush = true };
        _logs.Add(log);
        var writer = TextWriter.Synchronized(log);
        return line => writer.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {line}");
    }

    private void Say(string line) => _console.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {line}");
}
