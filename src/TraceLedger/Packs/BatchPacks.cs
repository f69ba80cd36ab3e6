namespace TraceLedger.Packs;

/// <summary>One page of a commissioned batch's packs (for printing its labels), in identifier order.</summary>
/// <param name="Gtin">GTIN-14.</param>
/// <param name="Lot">Batch/lot.</param>
/// <param name="Expiry">Expiry as commissioned, YYMMDD (day 00 allowed).</param>
/// <param name="OwnerGln">GLN of the manufacturer that owns the product.</param>
/// <param name="Total">Packs in the batch (cases and pallets excluded) when asked for, else null: counting walks the whole batch.</param>
/// <param name="Identifiers">Pack identifiers (<c>gtin:…:ser:…</c> or <c>cn:…</c>) of this page.</param>
/// <param name="Next">The cursor for the next page (the last identifier of this one), or null when this page ends the batch.</param>
public sealed record BatchPacks(string Gtin, string Lot, string Expiry, string OwnerGln, int? Total, IReadOnlyList<string> Identifiers, string? Next);
