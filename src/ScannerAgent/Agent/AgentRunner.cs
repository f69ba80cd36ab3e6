using ScannerAgent.Cameras;
using ScannerAgent.Configuration;
using ScannerAgent.Keys;
using ScannerAgent.Outbox;
using ScannerAgent.Uplink;
using TraceChain.Protocol.Gs1;

namespace ScannerAgent.Agent;

/// <summary>
/// The running agent: one <see cref="ScannerWorker"/> per serial scanner (each with its port's reader thread),
/// the durable outbox, and the uplink. <see cref="RunAsync"/> returns after cancellation once every port is closed
/// and the outbox is flushed; whatever was not uploaded stays in the outbox for the next start.
/// </summary>
public sealed class AgentRunner : IDisposable
{
    private readonly List<ScannerWorker> _workers = [];
    private readonly List<MqttScannerWorker> _mqttWorkers = [];
    private readonly GatewayClient _client;
    private readonly AgentIdentity _identity;

    /// <summary>Opens the key and the outbox and prepares the scanners; throws naming the problem when the settings are unusable.</summary>
    public AgentRunner(AgentSettings settings, TextWriter output, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = AgentSettingsLoader.Problems(settings);
        if (problems.Count > 0)
        {
            throw new ArgumentException("configuration: " + string.Join("; ", problems), nameof(settings));
        }

        var clock = time ?? TimeProvider.System;
        Log = new AgentLog(output, clock);
        _identity = new AgentIdentity(settings.DeviceId, DeviceKeyFile.Load(settings.KeyFile), settings.Location.Trim(), clock, clock.LocalTimeZone, new Gs1ParseOptions { TimeProvider = clock });
        Outbox = OutboxStore.Open(settings.OutboxPath);
        _client = new GatewayClient(new Uri(settings.GatewayUrl.TrimEnd('/') + "/"), TimeSpan.FromSeconds(10));
        Uplink = new UplinkService(Outbox, _client, Log, clock, new UplinkOptions(
            settings.BatchSize, TimeSpan.FromMilliseconds(settings.RetryMinMilliseconds), TimeSpan.FromMilliseconds(settings.RetryMaxMilliseconds), TimeSpan.FromSeconds(1)));
        if (settings.Notifications.Enabled)
        {
            // The recall cache lives in the outbox file, next to the hops it warns about.
            Notifications = new NotificationListener(settings.Notifications, settings.DeviceId, _identity.Location, RecallCache.Open(settings.OutboxPath), Log, clock);
        }

        var recorder = new HopRecorder(_identity, Outbox, Notifications?.Cache);
        foreach (var scanner in settings.Scanners)
        {
            _workers.Add(new ScannerWorker(ScannerSetup.From(scanner), _identity, recorder, Log));
        }

        foreach (var scanner in settings.MqttScanners)
        {
            _mqttWorkers.Add(new MqttScannerWorker(scanner, settings.DeviceId, recorder, Log, clock));
        }

        Cameras = new CameraScanners(settings, recorder, Log, clock);
        Pruner = new DeliveryPruner(Outbox, TimeSpan.FromHours(settings.DeliveryRetentionHours), Log, clock);

        var byName = _workers.ToDictionary(w => w.Name, StringComparer.Ordinal);
        Uplink.Settled += (entry, receipt) =>
        {
            if (byName.TryGetValue(entry.Scanner, out var worker) && worker.Setup.ReportsVerdict)
            {
                worker.ReportVerdict(entry, receipt);
            }
            else if (_mqttWorkers.Find(w => w.Owns(entry)) is { } mqtt)
            {
                mqtt.ReportReceipt(entry, receipt);
            }
        };
    }

    /// <summary>The console log.</summary>
    public AgentLog Log { get; }

    /// <summary>The durable outbox.</summary>
    public OutboxStore Outbox { get; }

    /// <summary>The uplink.</summary>
    public UplinkService Uplink { get; }

    /// <summary>The recall and alert listener, when <c>Agent:Notifications</c> names a broker.</summary>
    public NotificationListener? Notifications { get; }

    /// <summary>The scanners.</summary>
    public IReadOnlyList<ScannerWorker> Workers => _workers;

    /// <summary>The MQTT scanner groups.</summary>
    public IReadOnlyList<MqttScannerWorker> MqttWorkers => _mqttWorkers;

    /// <summary>The camera scanners (watched folders, MQTT frames).</summary>
    public CameraScanners Cameras { get; }

    /// <summary>Forgets old delivery identities at start and periodically.</summary>
    public DeliveryPruner Pruner { get; }

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Log.Write("agent", $"device {_identity.DeviceId} at {_identity.Location}: {_workers.Count} serial scanner(s), {_mqttWorkers.Count} MQTT scanner group(s), outbox {Outbox.Path} (next counter {Outbox.LastCounter(_identity.DeviceId) + 1})");
        // Pruned first, before any worker stores a hop: the newest hop is then still the last run's.
        Pruner.Prune();
        var tasks = _workers.Select(w => Task.Run(() => w.RunAsync(cancellationToken), CancellationToken.None)).ToList();
        tasks.AddRange(_mqttWorkers.Select(w => Task.Run(() => w.RunAsync(cancellationToken), CancellationToken.None)));
        tasks.AddRange(Cameras.Start(cancellationToken));
        tasks.Add(Task.Run(() => Uplink.RunAsync(cancellationToken), CancellationToken.None));
        tasks.Add(Task.Run(() => Pruner.RunAsync(cancellationToken), CancellationToken.None));
        if (Notifications is { } notifications)
        {
            tasks.Add(Task.Run(() => notifications.RunAsync(cancellationToken), CancellationToken.None));
        }

        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        var counts = Outbox.Counts();
        Log.Write("agent", $"stopped; outbox: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}");
    }

    /// <summary>Closes ports, the outbox, the key and the HTTP client.</summary>
    public void Dispose()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        foreach (var worker in _mqttWorkers)
        {
            // Already disconnected by RunAsync when it ran; otherwise this closes the unused client.
            worker.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Cameras.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (Notifications is { } notifications)
        {
            notifications.DisposeAsync().AsTask().GetAwaiter().GetResult();
            notifications.Cache.Dispose();
        }

        Outbox.Dispose();
        _client.Dispose();
        _identity.Key.Dispose();
    }
}
