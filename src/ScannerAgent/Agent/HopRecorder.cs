using ScannerAgent.Configuration;
using ScannerAgent.Hops;
using ScannerAgent.Outbox;
using TraceChain.Protocol.Notifications;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Agent;

/// <summary>
/// The one path from a scan to a stored hop, shared by serial and MQTT scanners: interpret the scan, build the
/// hop for the scanner's workflow, sign it and append it with the next counter to the durable outbox.
/// </summary>
public sealed class HopRecorder(AgentIdentity identity, OutboxStore outbox, RecallCache? recalls = null)
{
    /// <summary>
    /// The cached recall of the reading's GTIN and batch, or null (no recall known, no cache, or the scan names no
    /// GTIN + batch, e.g. a China code or an SSCC). Works offline: the cache is local.
    /// </summary>
    public RecallNotice? RecallOf(ScanReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return recalls is not null && reading.Batch is { } batch && reading.Identifier is { } id && id.StartsWith("gtin:", StringComparison.Ordinal) && id.Length > 19
            ? recalls.Find(id[5..19], batch)
            : null;
    }

    /// <summary>Interprets a scan (text with its AIM symbology identifier, if any).</summary>
    public ScanReading Read(string scan) => ScanInterpreter.Read(scan, identity.ParseOptions);

    /// <summary>Stores a valid reading as a signed hop; returns once it is committed to the outbox.</summary>
    /// <param name="scannerName">Name recorded in the outbox (routes the verdict back).</param>
    /// <param name="setup">The scanner's workflow and its GLNs.</param>
    /// <param name="reading">A valid reading.</param>
    /// <param name="cancellationToken">Stops waiting for the commit.</param>
    public Task<OutboxEntry> StoreAsync(string scannerName, ScannerSetup setup, ScanReading reading, CancellationToken cancellationToken) =>
        StoreAsync(scannerName, setup, reading, null, cancellationToken);

    /// <summary>As the other overload; an MQTT <paramref name="delivery"/> is recorded with the hop in the same transaction.</summary>
    public Task<OutboxEntry> StoreAsync(string scannerName, ScannerSetup setup, ScanReading reading, MqttDelivery? delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return outbox.AppendAsync(identity.DeviceId, scannerName, setup.Workflow.ToString().ToLowerInvariant(), counter =>
            SignedHop.Create(HopBuilder.Build(identity.DeviceId, identity.Location, setup, reading, counter, identity.Time.GetUtcNow(), identity.Zone), identity.Key), identity.Time.GetUtcNow(), delivery, cancellationToken);
    }

    /// <summary>The outbox entry an earlier delivery with the same identity became, or null (see <see cref="OutboxStore.FindDelivery"/>).</summary>
    public OutboxEntry? FindDelivery(MqttDelivery delivery) => outbox.FindDelivery(delivery);

    /// <summary>The outbox entry an earlier delivery of the same self-identifying payload became, or null (see <see cref="OutboxStore.FindScan"/>).</summary>
    public OutboxEntry? FindScan(MqttDelivery delivery) => outbox.FindScan(delivery);

    /// <summary>Durably forgets the deliveries of an MQTT session up to a counter (see <see cref="OutboxStore.ForgetDeliveries"/>).</summary>
    public void ForgetDeliveries(string session, long throughCounter = long.MaxValue) => outbox.ForgetDeliveries(session, throughCounter);

    /// <summary>The counter of the device's last stored hop, 0 when none.</summary>
    public long LastCounter() => outbox.LastCounter(identity.DeviceId);

    /// <summary>Durably forgets an earlier delivery with this packet id (see <see cref="OutboxStore.ForgetDelivery"/>).</summary>
    public void ForgetDelivery(MqttDelivery delivery) => outbox.ForgetDelivery(delivery);
}
