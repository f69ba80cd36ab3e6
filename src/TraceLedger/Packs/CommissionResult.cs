namespace TraceLedger.Packs;

/// <summary>The outcome of commissioning: the log entry that records it and the packs.</summary>
/// <param name="Seq">Sequence number of the batch_commissioned log entry.</param>
/// <param name="Gtin">GTIN-14.</param>
/// <param name="Lot">Batch/lot.</param>
/// <param name="Packs">Every pack, with its plain scratch code when issued.</param>
public sealed record CommissionResult(long Seq, string Gtin, string Lot, IReadOnlyList<CommissionedPack> Packs);
