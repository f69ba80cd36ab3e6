using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using FirmwareSim.Scenarios;
using FirmwareSim.Serial;
using ScannerAgent.Agent;
using ScannerAgent.Configuration;
using ScannerAgent.Keys;
using ScannerAgent.Uplink;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Scanning;
using TraceChain.Protocol.Signing;
using TraceChain.Serial.Scanning;
using TraceLedger.Api;
using TraceLedger.Log;

namespace ScannerAgent.Demo;

/// <summary>
/// The whole chain on one machine: the ledger (embedded SQLite, HTTP on loopback), parties and devices registered
/// over the registry API, one ScannerAgent per site with its outbox, and firmware-sim scanners on ptys playing
/// <see cref="DemoScenario"/> phase by phase. A live summary goes to the console; agent and simulator logs go to
/// files in the demo folder.
/// </summary>
public sealed class DemoRunner
{
    private readonly DemoOptions _options;
    private readonly TextWriter _console;
    private readonly List<DemoAlert> _alerts = [];
    private readonly Channel<(Hop Hop, long Seq)> _accepted = Channel.CreateUnbounded<(Hop, long)>();
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

        await using var ledger = await Ledger.OpenAsync(new LedgerOptions(Path.Combine(dir, "ledger.db")), cancellationToken);
        await using var app = LedgerHttpApp.Build(ledger, _options.Urls);
        await app.StartAsync(cancellationToken);
        var url = app.Urls.First().TrimEnd('/');
        Say($"ledger: {url} (SQLite {Path.Combine(dir, "ledger.db")}); logs in {Path.Combine(dir, "logs")}");

        using var stopAgents = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task>();
        var checker = Task.Run(() => CheckAsync(ledger, cancellationToken), CancellationToken.None);
        try
        {
            await RegisterAndStartAsync(ledger, url, running, stopAgents.Token, cancellationToken);
            await PlayAsync(cancellationToken);
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
            _accepted.Writer.TryComplete();
            await checker;
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

    private async Task RegisterAndStartAsync(Ledger ledger, string url, List<Task> running, CancellationToken agentsToken, CancellationToken cancellationToken)
    {
        var apiKey = await ledger.ApiKeys.CreateAsync("demo", cancellationToken);
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

    private async Task PlayAsync(CancellationToken cancellationToken)
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
                    Progress(phase, target);
                }

                await Task.Delay(100, cancellationToken);
            }

            Progress(phase, target);
        }

        // Alerts are checked right after each receipt; give the checker the last ones.
        var settleBy = _clock.Elapsed + TimeSpan.FromSeconds(2);
        while (_accepted.Reader.Count > 0 && _clock.Elapsed < settleBy)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private void OnSettled(Outbox.OutboxEntry entry, UplinkReceipt receipt)
    {
        if (receipt.Status == "accepted" && receipt.Seq is { } seq)
        {
            _accepted.Writer.TryWrite((SignedHop.Parse(entry.Entry).Hop, seq));
        }
    }

    private async Task CheckAsync(Ledger ledger, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (hop, seq) in _accepted.Reader.ReadAllAsync(cancellationToken))
            {
                var history = await ledger.ItemHistoryAsync(hop.Identifiers[0], 1000, cancellationToken);
                var earlier = history.Where(e => e.Seq < seq).Select(e => SignedHop.Parse(e.EntryBytes).Hop).ToList();
                foreach (var alert in ChainChecker.Check(hop, earlier))
                {
                    lock (_alerts)
                    {
                        _alerts.Add(alert);
                    }

                    Say($"ALERT {alert.Kind.ToUpperInvariant()}: {alert.Identifier}: {alert.Detail}");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C.
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
        int alerts;
        lock (_alerts)
        {
            alerts = _alerts.Count;
        }

        Say($"  phase {phase + 1}/{DemoScenario.Phases.Count}  target {target}  in ledger {accepted}  refused {refused}  pending {pending}  invalid scans {invalid}  alerts {alerts}");
    }

    private DemoResult Result(string url)
    {
        var (accepted, refused, pending, _) = Counts();
        lock (_alerts)
        {
            return new DemoResult(
                DemoScenario.ScansThrough(DemoScenario.Phases.Count - 1),
                accepted,
                refused,
                pending,
                [.. _alerts],
                $"{url}/v1/items/{DemoScenario.PackId("G0002")}/history",
                $"{url}/v1/items/{DemoScenario.PackId(DemoScenario.CounterfeitSerial)}/history");
        }
    }

    private void Summary(DemoResult result)
    {
        Say($"scenario done: {result.Scans} scans, {result.Accepted} hops in the ledger, {result.Refused} refused, {result.Pending} pending, {result.Alerts.Count} alert(s)");
        foreach (var alert in result.Alerts)
        {
            Say($"  {alert.Kind,-12} {alert.Identifier}  {alert.Detail}");
        }

        Say($"genuine pack history:  {result.GenuineUrl}");
        Say($"fake pack history:     {result.FakeUrl}");
        Say($"consumer Digital Links (served by TraceGateway's resolver): https://id.tracechain.example/01/{DemoScenario.Gtin}/21/G0002 (genuine), https://id.tracechain.example/01/{DemoScenario.Gtin}/21/{DemoScenario.CounterfeitSerial} (fake)");
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
