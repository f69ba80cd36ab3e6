using TraceGateway.LedgerAccess;
using TraceLedger.Packs;

namespace TraceGateway.Notifications;

/// <summary>The embedded ledger's <see cref="NotificationFeed"/>, read-only on its SQLite file.</summary>
public sealed class EmbeddedNotificationSource(EmbeddedLedgerHost ledger) : INotificationSource
{
    // The feed is only a connection string over the open ledger's file; made per call so it never outlives the ledger.
    public Task<RecallFeedPage> RecallsAfterAsync(long afterSeq, int maxEntries, CancellationToken cancellationToken) =>
        new NotificationFeed(ledger.Packs).RecallsAfterAsync(afterSeq, maxEntries, cancellationToken);

    public Task<AlertFeedPage> AlertsAfterAsync(long afterId, int max, CancellationToken cancellationToken) =>
        new NotificationFeed(ledger.Packs).AlertsAfterAsync(afterId, max, cancellationToken);

    public Task<long> LastAlertIdAsync(CancellationToken cancellationToken) =>
        new NotificationFeed(ledger.Packs).LastAlertIdAsync(cancellationToken);
}
