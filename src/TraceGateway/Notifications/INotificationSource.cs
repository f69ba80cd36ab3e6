using TraceLedger.Packs;

namespace TraceGateway.Notifications;

/// <summary>
/// Where the publisher reads what to publish: the ledger's notification feed, in commit order after a cursor. The
/// embedded implementation reads the ledger's file; the remote one asks <c>TraceLedger serve</c> over HTTP.
/// A failed read throws (<see cref="LedgerAccess.LedgerUnavailableException"/> or a SQLite error) and moves nothing.
/// </summary>
public interface INotificationSource
{
    /// <summary>Recalls in log entries after <paramref name="afterSeq"/>, from at most <paramref name="maxEntries"/> recall entries.</summary>
    Task<RecallFeedPage> RecallsAfterAsync(long afterSeq, int maxEntries, CancellationToken cancellationToken);

    /// <summary>Alerts numbered after <paramref name="afterId"/>, at most <paramref name="max"/>, one notice per party concerned.</summary>
    Task<AlertFeedPage> AlertsAfterAsync(long afterId, int max, CancellationToken cancellationToken);

    /// <summary>The newest alert number (0 when there is none).</summary>
    Task<long> LastAlertIdAsync(CancellationToken cancellationToken);
}
