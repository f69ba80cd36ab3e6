using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using ScannerAgent.Configuration;
using ScannerAgent.Hops;
using ScannerAgent.Outbox;
using ScannerAgent.Uplink;
using TraceChain.Mqtt;

namespace ScannerAgent.Agent;

/// <summary>
/// Scanners behind an MQTT broker: subscribes to <c>tracechain/{site}/scanners/{id}/scan</c> with QoS 1 on a
/// persistent session (clean session off, stable client id), so scans published while the agent is down are
/// queued by the broker and delivered after it starts. Each scan goes through the same <see cref="HopRecorder"/>
/// as serial scans; the handler returns (and the client sends PUBACK) only after the hop is committed to the
/// outbox. A storage failure throws from the handler: no PUBACK, the broker redelivers. Each hop is stored with
/// its delivery's identity (session, topic, payload hash, packet id); a redelivery (DUP) of a delivery that was
/// committed but never acknowledged is acknowledged again without a second hop, and so is a self-identifying
/// payload (JSON with <c>ts</c> or <c>seq</c>) already stored for that scanner (the scanner's own QoS 1 resend).
/// </summary>
public sealed class MqttScannerWorker : IAsyncDisposable
{
    private static readonly JsonSerializerOptions VerdictJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly ScannerSetup _setup;
    private readonly MqttScannerSettings _settings;
    private readonly HopRecorder _recorder;
    private readonly AgentLog _log;
    private readonly BrokerSession _broker;
    private readonly string _clientId;
    private readonly Channel<(string Topic, MqttVerdict Verdict)> _verdicts = Channel.CreateUnbounded<(string, MqttVerdict)>(new UnboundedChannelOptions { SingleReader = true });
    private long _stored;
    private long _invalid;
    private long _redelivered;
    private long _resent;
    private long _lastCounterOfLostConnection;

    /// <summary>Creates the worker and its MQTT client (not connected).</summary>
    public MqttScannerWorker(MqttScannerSettings settings, string deviceId, HopRecorder recorder, AgentLog log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _setup = ScannerSetup.From(settings);
        _recorder = recorder;
        _log = log;
        _broker = new BrokerSession(settings, deviceId, _setup.Name, HandleAsync, log, time, () => $", workflow {_setup.Workflow.ToString().ToLowerInvariant()}");
        _clientId = _broker.ClientId;

        // A reconnect can find the session gone too (the broker restarted without persistence): its packet ids start
        // again, so the deliveries stored before the connection was lost mean nothing. Scans of the new session may be
        // stored before the Connected event, hence the counter taken when the old connection was lost.
        _broker.Client.Disconnected += (_, _) => Interlocked.Exchange(ref _lastCounterOfLostConnection, _recorder.LastCounter());
        _broker.Client.Connected += (_, e) =>
        {
            if (!e.SessionPresent && e.ConnectionNumber > 1)
            {
                _recorder.ForgetDeliveries(_clientId, Interlocked.Read(ref _lastCounterOfLostConnection));
            }
        };
    }

    /// <summary>The scanner group's name.</summary>
    public string Name => _setup.Name;

    /// <summary>The workflow and GLNs of its scans.</summary>
    public ScannerSetup Setup => _setup;

    /// <summary>The subscribed topic filter.</summary>
    public string ScanFilter => $"tracechain/{_settings.Site}/scanners/{_settings.ScannerId}/scan";

    /// <summary>True once connected and subscribed.</summary>
    public bool IsReady => _broker.IsReady;

    /// <summary>Scans stored as hops.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Scans refused as invalid.</summary>
    public long Invalid => Interlocked.Read(ref _invalid);

    /// <summary>Broker redeliveries (DUP) of scans already stored, acknowledged without a new hop.</summary>
    public long Redelivered => Interlocked.Read(ref _redelivered);

    /// <summary>Self-identifying scans already stored and sent again by the scanner, acknowledged without a new hop.</summary>
    public long Resent => Interlocked.Read(ref _resent);

    /// <summary>
    /// Test hook: runs after a hop is committed and before the handler returns (so before PUBACK); tests fail or
    /// stop the agent in exactly that window.
    /// </summary>
    internal Func<OutboxEntry, CancellationToken, Task>? AfterStore { get; set; }

    /// <summary>Connects (retrying until the broker answers), subscribes, and publishes verdicts until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        // A new session (first start, or the broker lost its state) owes us no redelivery and its packet ids start
        // again, so the stored ones mean nothing. Nothing arrives before our SUBSCRIBE.
        _broker.RunAsync(
            [new(ScanFilter)],
            sessionPresent =>
            {
                if (!sessionPresent)
                {
                    _recorder.ForgetDeliveries(_clientId);
                }
            },
            async ct =>
            {
                await foreach (var (topic, verdict) in _verdicts.Reader.ReadAllAsync(ct))
                {
                    await PublishAsync(topic, verdict, ct);
                }
            },
            cancellationToken);

    /// <summary>Publishes the ledger's receipt for a hop of this scanner group.</summary>
    public void ReportReceipt(OutboxEntry entry, UplinkReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(receipt);
        var scannerId = entry.Scanner[(Name.Length + 1)..];
        _verdicts.Writer.TryWrite((VerdictTopic(scannerId), new MqttVerdict(receipt.Status, entry.Identifier, entry.Counter, receipt.Seq, receipt.Reason, receipt.Message)));
    }

    /// <summary>True when an outbox entry came from this scanner group (<c>{Name}/{scannerId}</c>).</summary>
    public bool Owns(OutboxEntry entry) =>
        entry is not null && entry.Scanner.Length > Name.Length + 1 && entry.Scanner.StartsWith(Name + "/", StringComparison.Ordinal);

    /// <summary>Disconnects from the broker.</summary>
    public async ValueTask DisposeAsync()
    {
        _verdicts.Writer.TryComplete();
        await _broker.DisposeAsync();
    }

    internal async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        var scannerId = ScannerIdOf(message.Topic);
        var delivery = MqttDelivery.Of(_clientId, message.Topic, message.QualityOfService == MqttQualityOfService.AtLeastOnce ? message.PacketId : (ushort)0, message.Payload.Span);
        if (AlreadyStored(message, delivery, scannerId))
        {
            return;
        }

        var (scan, problem) = MqttScanPayload.Decode(message.Payload.Span);
        var reading = scan is null ? null : _recorder.Read(scan);
        if (reading is not { IsValid: true })
        {
            // An invalid scan is acknowledged: redelivering it would never make it valid.
            problem ??= reading!.Problem;
            Interlocked.Increment(ref _invalid);
            _log.Write($"{Name}/{scannerId}", $"invalid scan '{scan}': {problem}" + (reading?.Advice is null ? "" : $" Likely cause: {reading.Advice}"));
            _verdicts.Writer.TryWrite((VerdictTopic(scannerId), new MqttVerdict("invalid", null, null, null, problem, reading?.Advice)));
            return;
        }

        OutboxEntry entry;
        try
        {
            entry = await _recorder.StoreAsync($"{Name}/{scannerId}", _setup, reading, delivery, cancellationToken);
        }
        catch (ArgumentException e)
        {
            // The scan cannot make a hop (e.g. an identifier the hop refuses): acknowledged, reported, dropped.
            Interlocked.Increment(ref _invalid);
            _log.Write($"{Name}/{scannerId}", $"scan '{scan}' NOT stored: {e.Message}");
            _verdicts.Writer.TryWrite((VerdictTopic(scannerId), new MqttVerdict("invalid", reading.Identifier, null, null, "not_stored", e.Message)));
            return;
        }

        Interlocked.Increment(ref _stored);
        _log.Write($"{Name}/{scannerId}", $"stored hop #{entry.Counter} {entry.Identifier} ({entry.Workflow})");
        _verdicts.Writer.TryWrite((VerdictTopic(scannerId), new MqttVerdict("stored", entry.Identifier, entry.Counter, null, null, null)));
        if (_recorder.RecallOf(reading) is { } recall)
        {
            // Recall check hook: the cached recall, known even while the gateway is unreachable.
            _log.Write($"{Name}/{scannerId}", $"RECALLED #{entry.Counter} {entry.Identifier}: batch {recall.Batch} {recall.Status}: {recall.Reason}");
            _verdicts.Writer.TryWrite((VerdictTopic(scannerId), new MqttVerdict(recall.Status, entry.Identifier, entry.Counter, recall.Seq, recall.Reason, $"batch {recall.Batch} of {recall.Gtin} is {recall.Status}: do not supply")));
        }

        if (AfterStore is { } hook)
        {
            await hook(entry, cancellationToken);
        }
    }

    /// <summary>True (and answered) when the message is a scan already in the outbox: nothing more to do but PUBACK.</summary>
    private bool AlreadyStored(MqttMessage message, MqttDelivery delivery, string scannerId)
    {
        var earlier = delivery.PacketId > 0 ? _recorder.FindDelivery(delivery) : null;
        if (earlier is not null && message.Duplicate)
        {
            // Stored before the agent stopped or failed, but the PUBACK never reached the broker.
            Interlocked.Increment(ref _redelivered);
            Answer(earlier, $"redelivered scan (DUP, packet id {message.PacketId})");
            return true;
        }

        if (_recorder.FindScan(delivery) is { } stored)
        {
            // The scanner published it twice (its PUBACK was lost); the broker forwarded both as new messages.
            Interlocked.Increment(ref _resent);
            Answer(stored, "scan sent again by the scanner (same ts/seq)");
            return true;
        }

        if (earlier is not null)
        {
            // A first delivery (no DUP) under that packet id: the broker reused the id, so the earlier delivery was
            // acknowledged and this is a new scan of the same pack. Forget the earlier one durably before storing, so
            // a redelivery of this scan (should the agent die before its commit) is not taken for the earlier one.
            _recorder.ForgetDelivery(delivery);
        }

        return false;

        void Answer(OutboxEntry entry, string what)
        {
            _log.Write($"{Name}/{scannerId}", $"{what} is already hop #{entry.Counter} {entry.Identifier}; acknowledged without a new hop");
            _verdicts.Writer.TryWrite((VerdictTopic(scannerId), new MqttVerdict("stored", entry.Identifier, entry.Counter, null, null, null)));
        }
    }

    private async Task PublishAsync(string topic, MqttVerdict verdict, CancellationToken cancellationToken)
    {
        try
        {
            await _broker.Client.PublishAsync(topic, JsonSerializer.SerializeToUtf8Bytes(verdict, VerdictJson), MqttQualityOfService.AtLeastOnce, retain: false, cancellationToken);
        }
        catch (MqttConnectionException e)
        {
            // A verdict is information for the operator; the hop itself is safe in the outbox.
            _log.Write(Name, $"verdict {verdict.Status} for {topic} not delivered: {e.Message}");
        }
    }

    private string VerdictTopic(string scannerId) => $"tracechain/{_settings.Site}/scanners/{scannerId}/verdict";

    // tracechain/{site}/scanners/{scannerId}/scan: the broker only delivers topics matching the filter.
    private static string ScannerIdOf(string topic) => topic.Split('/')[3];
}
