using ScannerAgent.Configuration;
using ScannerAgent.Outbox;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Packets;
using TraceChain.Protocol.Notifications;

namespace ScannerAgent.Agent;

/// <summary>
/// Hears recalls and the party's alerts from the broker: subscribes to <c>{prefix}/recalls/+/+</c> and
/// <c>{prefix}/alerts/{location}</c> with QoS 1 on a persistent session (stable client id, clean session off), so
/// recalls published while the agent is down are delivered when it connects, and a new session gets every retained
/// recall at once. A recall is stored in the <see cref="RecallCache"/> before it is acknowledged (a storage failure
/// throws: no PUBACK, redelivered); an empty retained message clears it. Alerts are logged for the operator.
/// </summary>
public sealed class NotificationListener : IAsyncDisposable
{
    private const string Source = "notifications";

    private readonly NotificationFeedSettings settings;
    private readonly string location;
    private readonly RecallCache cache;
    private readonly AgentLog log;
    private readonly TimeProvider time;
    private readonly BrokerSession broker;
    private long alerts;

    /// <summary>Creates the listener and its MQTT client (not connected).</summary>
    public NotificationListener(NotificationFeedSettings settings, string deviceId, string location, RecallCache cache, AgentLog log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        this.location = location;
        this.cache = cache;
        this.log = log;
        this.time = time;
        broker = new BrokerSession(settings, deviceId, Source, HandleAsync, log, time, () => $"; {cache.Count} recalled batch(es) cached");
    }

    /// <summary>The recall cache it fills.</summary>
    public RecallCache Cache => cache;

    /// <summary>True once connected and subscribed.</summary>
    public bool IsReady => broker.IsReady;

    /// <summary>Alerts received for the agent's party.</summary>
    public long Alerts => Interlocked.Read(ref alerts);

    /// <summary>Connects (retrying until the broker answers) and subscribes; then listens until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        List<MqttTopicFilter> filters = [new(RecallTopic.AllRecalls(settings.TopicPrefix))];
        if (settings.Alerts)
        {
            filters.Add(new(RecallTopic.Alerts(settings.TopicPrefix, location)));
        }

        return broker.RunAsync(filters, null, null, cancellationToken);
    }

    /// <summary>Disconnects from the broker.</summary>
    public ValueTask DisposeAsync() => broker.DisposeAsync();

    private Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (RecallTopic.TryParse(message.Topic, settings.TopicPrefix, out var gtin, out var batch))
        {
            HandleRecall(gtin, batch, message.Payload.Span);
        }
        else if (message.Topic == RecallTopic.Alerts(settings.TopicPrefix, location))
        {
            HandleAlert(message.Payload.Span);
        }
        else
        {
            log.Write(Source, $"ignored a message on {message.Topic}: not a recall or alert topic");
        }

        return Task.CompletedTask;
    }

    private void HandleRecall(string gtin, string batch, ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            // An empty retained message clears the recall at the broker; do the same here.
            if (cache.Remove(gtin, batch))
            {
                log.Write(Source, $"recall of {gtin} batch {batch} cleared");
            }

            return;
        }

        // Bad notices are acknowledged and logged: redelivery would not repair them.
        var notice = RecallNotice.TryParse(payload, out var problem);
        if (notice is null || notice.Gtin != gtin || notice.Batch != batch)
        {
            log.Write(Source, $"ignored recall notice for {gtin} batch {batch}: {problem ?? "its GTIN or batch differs from its topic"}");
            return;
        }

        var known = cache.Find(gtin, batch);
        cache.Store(notice, time.GetUtcNow());
        if (known != notice)
        {
            log.Write(Source, $"RECALL {notice.Status} {gtin} batch {batch}: {notice.Reason} (ledger entry {notice.Seq})");
        }
    }

    private void HandleAlert(ReadOnlySpan<byte> payload)
    {
        var alert = AlertNotice.TryParse(payload, out var problem);
        if (alert is null)
        {
            log.Write(Source, $"ignored alert notice: {problem}");
            return;
        }

        Interlocked.Increment(ref alerts);
        log.Write(Source, $"ALERT {alert.Code}" + (alert.Identifier is null ? "" : $" {alert.Identifier}") + $" at {alert.At:yyyy-MM-dd HH:mm:ss} UTC (alert {alert.Id}; details from the regulator)");
    }
}
