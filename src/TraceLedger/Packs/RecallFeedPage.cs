using TraceChain.Protocol.Notifications;

namespace TraceLedger.Packs;

/// <summary>Recalls read from the log: the notices, and the last log sequence number read (the publisher's next cursor).</summary>
/// <param name="Notices">One per recalled batch, in log order.</param>
/// <param name="ThroughSeq">Every entry up to this sequence number has been read (-1: the log is empty).</param>
/// <param name="AfterLeafHash">
/// The Merkle leaf hash of the entry the page was read after, in the same snapshot (null when reading from the
/// start, or when the log now ends before that entry): a reader that stored it with its cursor tells from it whether
/// the log under the cursor is still the one it read, without fetching the entry.
/// </param>
/// <param name="ThroughLeafHash">The leaf hash of entry <paramref name="ThroughSeq"/> (null when the log is empty): what to store with the next cursor.</param>
public sealed record RecallFeedPage(IReadOnlyList<RecallNotice> Notices, long ThroughSeq, byte[]? AfterLeafHash = null, byte[]? ThroughLeafHash = null);
