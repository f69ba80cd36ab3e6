namespace TraceLedger.Packs;

/// <summary>A recall of a batch, or of every batch of a product when <see cref="Lot"/> is null.</summary>
/// <param name="ActorGln">The product's manufacturer or a regulator.</param>
/// <param name="Gtin">The product.</param>
/// <param name="Lot">The batch; null for the whole product.</param>
/// <param name="Reason">Why (shown to partners, kept in the log).</param>
/// <param name="Withdrawal">A withdrawal (taken off the market) rather than a recall.</param>
public sealed record RecallRequest(string ActorGln, string Gtin, string? Lot, string Reason, bool Withdrawal = false);
