using TraceChain.Protocol.Notifications;

namespace TraceLedger.Packs;

/// <summary>Recalls read from the log: the notices, and the last log sequence number read (the publisher's next cursor).</summary>
/// <param name="Notices">One per recalled batch, in log order.</param>
/// <param name="ThroughSeq">Every entry up to this sequence number has been read (-1: the log is empty).</param>
public sealed record RecallFeedPage(IReadOnlyList<RecallNotice> Notices, long ThroughSeq);
