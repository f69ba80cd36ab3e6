namespace TraceGateway.Features.GetPackHistory;

/// <summary>
/// A pack's history with proofs: every entry is proven included in the tree of <see cref="TreeSize"/> leaves whose
/// root and signed note are given, so an auditor can check it offline against the log key.
/// </summary>
public sealed record PackHistoryResponse(string ItemKey, long TreeSize, string RootHash, string Checkpoint, IReadOnlyList<PackHistoryEntry> Entries);
