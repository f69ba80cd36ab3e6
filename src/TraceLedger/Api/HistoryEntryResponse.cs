namespace TraceLedger.Api;

/// <summary>One entry of an item's history: its place in the log and the entry JSON (the signed hop).</summary>
public sealed record HistoryEntryResponse(long Seq, string LeafHash, DateTimeOffset ReceivedAt, string Entry);
