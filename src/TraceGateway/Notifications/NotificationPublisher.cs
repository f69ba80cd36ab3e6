using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using TraceChain.Mqtt;
using TraceChain.Protocol.Notifications;
using TraceGateway.LedgerAccess;

namespace TraceGateway.Notifications;

/// <summary>
/// Publishes the ledger's recalls (retained, QoS 1, one topic per GTIN and batch) and alerts (QoS 1, one
/// topic per party concerned) to an MQTT broker. It follows the ledger with a cursor (<see cref="PublishCursor"/>)
/// instead of a queue of its own: every poll reads what was committed after the cursor, publishes it, waits for the
/// broker's PUBACKs and only then moves the cursor. A recall committed while the broker is down is published when it
/// is back (the client holds unacknowledged QoS 1 messages and resends them after reconnecting); after a gateway
/// restart the publisher resumes at its cursor. Delivery is at least once: a crash between PUBACK and the cursor write
/// sends that page again (a retained recall is the same message again; an alert carries its number). The ledger is read
/// through <see cref="INotificationSource"/> (its file when embedded, its HTTP feed when remote); a failed read is
/// logged and retried on the next poll from the same cursor, so a ledger outage delays notices but loses none.
/// The cursor is tied to the ledger it was taken on (its signing key, <see cref="LedgerIdentity"/>), checked on every
/// poll: on another ledger, or on the same ledger restored to before the cursor, it starts afresh (every recall again,
/// alerts from the newest) instead of skipping that ledger's first entries.
/// </summary>
public sealed class NotificationPublisher(IOptions<NotificationSettings> options, IOptions<LedgerSettings> ledgerSettings, INotificationSource feed, ILedgerClient ledger, TimeProvider time, ILogger<NotificationPublisher> logger)
    : BackgroundService
{
    /// <summary>Cursor stream of recalls (a log sequence number).</summary>
    public const string RecallStream = "recalls";

    /// <summary>Cursor stream of alerts (an alert number).</summary>
    public const string AlertStream = "alerts";

    private const int RecallEntriesPerPage = 100;
    private const int AlertsPerPage = 500;

    private long recallsPublished;
    private long alertsPublished;
    private long ledgerReadFailures;
    private long cursorRestarts;
    private volatile bool connected;

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => connected;

    /// <summary>Recall notices acknowledged by the broker since start.</summary>
    public long RecallsPublished => Interlocked.Read(ref recallsPublished);

    /// <summary>Alert notices acknowledged by the broker since start.</summary>
    public long AlertsPublished => Interlocked.Read(ref alertsPublished);

    /// <summary>Polls whose ledger read failed (each retried on the next poll) since start.</summary>
    public long LedgerReadFailures => Interlocked.Read(ref ledgerReadFailures);

    /// <summary>Fresh cursors started since start: another ledger than the cursor's, or its ledger rolled back behind it.</summary>
    public long CursorRestarts => Interlocked.Read(ref cursorRestarts);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var cursorPath = settings.CursorPath(ledgerSettings.Value);
        using var cursor = PublishCursor.Open(cursorPath);
        await using var client = new MqttClient(ClientOptions(settings));
        client.Connected += (_, e) =>
        {
            connected = true;
            logger.LogInformation("Notifications: connected to MQTT broker {Host}:{Port} (connection {Number}).", settings.Host, settings.Port, e.ConnectionNumber);
        };
        client.Disconnected += (_, e) =>
        {
            connected = false;
            logger.LogWarning("Notifications: broker connection lost ({Reason}); unacknowledged notices are resent after the reconnect.", e.Reason.Message);
        };
        var failing = false;
        try
        {
            await ConnectAsync(client, settings, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var followed = await FollowLedgerAsync(cursor, cursorPath, stoppingToken);
                    await PublishRecallsAsync(client, cursor, followed, settings.TopicPrefix, stoppingToken);
                    if (settings.Alerts)
                    {
                        await PublishAlertsAsync(client, cursor, settings.TopicPrefix, stoppingToken);
                    }

                    if (failing)
                    {
                        failing = false;
                        logger.LogInformation("Notifications: reading the ledger again; publishing resumed at the cursor.");
                    }
                }
                catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or LedgerUnavailableException or LedgerRefusedException && !stoppingToken.IsCancellationRequested)
                {
                    // A busy file, a ledger service that is down or one refusing a read must not end publishing: the cursor did not move, so
                    // the next poll reads the same notices again. Logged once per outage, not once per poll.
                    Interlocked.Increment(ref ledgerReadFailures);
                    if (!failing)
                    {
                        failing = true;
                        logger.LogWarning("Notifications: reading the ledger failed ({Message}); retrying every {Poll} ms.", e.Message, settings.PollMilliseconds);
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(settings.PollMilliseconds), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever is not acknowledged stays after the cursor for the next start.
        }
        catch (MqttConnectionException e)
        {
            // The client was closed: only on shutdown; log for the operator.
            logger.LogWarning("Notifications stopped: {Message}", e.Message);
        }
    }

    /// <summary>
    /// The ledger read now, recorded in the cursor file; when the file was taken on another ledger, its positions are
    /// dropped first. Asked on every poll, not only at start: a remote ledger's address may be served by another ledger
    /// after a restart. A read that raced such a switch is caught on the next poll, and recalls are then re-read from
    /// the beginning, so none stays skipped.
    /// </summary>
    private async Task<LedgerIdentity> FollowLedgerAsync(PublishCursor cursor, string cursorPath, CancellationToken cancellationToken)
    {
        var key = await ledger.GetLogKeyAsync(cancellationToken);
        var current = new LedgerIdentity(key.PublicKey, key.VerifierKey);
        var followed = cursor.FollowedLedger();
        if (followed is null)
        {
            // A new file, or one written before the ledger was recorded (its ledger is unknown): recalls start from the
            // beginning (retained, so sending them again is harmless); an existing alert position is kept, as resetting
            // it would skip alerts raised while the gateway was down.
            cursor.Follow(current, [RecallStream]);
        }
        else if (!followed.IsSameLedger(current))
        {
            logger.LogWarning(
                "Notifications: the cursor in {Path} was taken on ledger {Followed}, but the ledger read now is {Current}; starting a fresh cursor for it: every recall from the beginning of its log, alerts from its newest.",
                cursorPath,
                followed.VerifierKey,
                current.VerifierKey);
            cursor.Follow(current, [RecallStream, AlertStream]);
            Interlocked.Increment(ref cursorRestarts);
        }

        return current;
    }

    private async Task PublishRecallsAsync(MqttClient client, PublishCursor cursor, LedgerIdentity followed, string prefix, CancellationToken cancellationToken)
    {
        var after = cursor.Get(RecallStream) ?? -1;
        var stored = after >= 0 ? cursor.EntryAt(RecallStream) : null;
        while (true)
        {
            // The page says, from the snapshot it was read in, which entry stands under the cursor and which one it ends
            // at: checking the one and moving to the other need no further read of the ledger.
            var page = await feed.RecallsAfterAsync(after, RecallEntriesPerPage, cancellationToken);
            if (stored is not null && !(page.AfterLeafHash?.AsSpan().SequenceEqual(stored) ?? false))
            {
                // The entry under the cursor is gone or another one: this ledger was restored from an older backup (and may
                // have grown again since). Its entries after the backup took sequence numbers the cursor has passed.
                RestartAfterRollback(cursor, followed, after, page.AfterLeafHash is null ? "the log ends before it" : "the log holds another entry there");
                (after, stored) = (-1, null);
                continue;
            }

            if (page.ThroughSeq < after)
            {
                // The same rollback, for a cursor stored without its entry (by a publisher older than leaf hashes).
                RestartAfterRollback(cursor, followed, after, "the log ends before it");
                (after, stored) = (-1, null);
                continue;
            }

            if (page.Notices.Count > 0)
            {
                // Pipelined: the client keeps up to MaxInFlight unacknowledged publishes and resends them after a reconnect.
                await Task.WhenAll(page.Notices.Select(n => client.PublishAsync(RecallTopic.Format(prefix, n.Gtin, n.Batch), n.ToJson(), MqttQualityOfService.AtLeastOnce, retain: true, cancellationToken)));
                Interlocked.Add(ref recallsPublished, page.Notices.Count);
                foreach (var n in page.Notices)
                {
                    logger.LogInformation("Notifications: published {Status} of {Gtin} batch {Batch} (entry {Seq}).", n.Status, n.Gtin, n.Batch, n.Seq);
                }
            }

            if (page.ThroughSeq <= after)
            {
                return;
            }

            stored = page.ThroughLeafHash ?? throw new LedgerUnavailableException($"The ledger's recall feed was read through entry {page.ThroughSeq} but did not give that entry's leaf hash (a TraceLedger older than this gateway?).");
            cursor.Set(RecallStream, page.ThroughSeq, stored);
            after = page.ThroughSeq;
        }
    }

    /// <summary>
    /// Every recall again from the beginning (retained: sending one twice is harmless, and the restored ledger's recalls
    /// must all be on the broker) and alerts, numbered again after the backup too, from the newest.
    /// </summary>
    private void RestartAfterRollback(PublishCursor cursor, LedgerIdentity followed, long position, string why)
    {
        logger.LogWarning(
            "Notifications: the recall cursor at entry {Cursor} no longer matches ledger {Ledger} ({Why}: restored from an older backup?); publishing every recall again from the beginning, alerts from the newest.",
            position,
            followed.VerifierKey,
            why);
        cursor.Follow(followed, [RecallStream, AlertStream]);
        Interlocked.Increment(ref cursorRestarts);
    }

    private async Task PublishAlertsAsync(MqttClient client, PublishCursor cursor, string prefix, CancellationToken cancellationToken)
    {
        if (cursor.Get(AlertStream) is not { } after)
        {
            // Alerts are live notices (their history is GET /v1/alerts): a new publisher starts at the newest one.
            after = await feed.LastAlertIdAsync(cancellationToken);
            cursor.Set(AlertStream, after);
        }

        while (true)
        {
            var page = await feed.AlertsAfterAsync(after, AlertsPerPage, cancellationToken);
            if (page.Notices.Count > 0)
            {
                await Task.WhenAll(page.Notices.Select(n => client.PublishAsync(RecallTopic.Alerts(prefix, n.Party), n.ToJson(), MqttQualityOfService.AtLeastOnce, retain: false, cancellationToken)));
                Interlocked.Add(ref alertsPublished, page.Notices.Count);
            }

            if (page.ThroughId <= after)
            {
                return;
            }

            cursor.Set(AlertStream, page.ThroughId);
            after = page.ThroughId;
        }
    }

    private async Task ConnectAsync(MqttClient client, NotificationSettings settings, CancellationToken cancellationToken)
    {
        // The client reconnects by itself only after a first successful connect; until then, retry here.
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await client.ConnectAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is MqttConnectionException or MqttConnectException or System.Net.Sockets.SocketException or IOException or TimeoutException or System.Security.Authentication.AuthenticationException)
            {
                logger.LogWarning("Notifications: broker {Host}:{Port} not available ({Message}); retrying in {Delay} ms.", settings.Host, settings.Port, e.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private MqttClientOptions ClientOptions(NotificationSettings settings) => new()
    {
        Host = settings.Host!,
        Port = settings.Port,
        ClientId = settings.ClientId,
        CleanSession = true,
        Username = settings.Username,
        Password = settings.Password,
        Tls = settings.CaFile is null ? null : new MqttTlsOptions(X509CertificateLoader.LoadCertificateFromFile(settings.CaFile), settings.TlsTargetHost),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(10),
        TimeProvider = time,
    };
}
