namespace TraceGateway.Features.GetPackHistory;

/// <summary>One entry of a pack's history: the signed hop as logged (canonical JSON) and its inclusion proof (base64 hashes).</summary>
public sealed record PackHistoryEntry(long Seq, DateTimeOffset ReceivedAt, string LeafHash, string Entry, IReadOnlyList<string> AuditPath);
