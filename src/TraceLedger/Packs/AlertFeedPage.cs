using TraceChain.Protocol.Notifications;

namespace TraceLedger.Packs;

/// <summary>Alerts read after a cursor: one notice per party concerned, and the last alert number read.</summary>
/// <param name="Notices">In alert order.</param>
/// <param name="ThroughId">Every alert up to this number has been read.</param>
public sealed record AlertFeedPage(IReadOnlyList<AlertNotice> Notices, long ThroughId);
