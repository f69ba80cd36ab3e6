namespace TraceLedger.Packs;

/// <summary>A manufacturer commissions a batch of a GTIN it owns.</summary>
/// <param name="ManufacturerGln">The commissioning party (role manufacturer, owner of the GTIN's company prefix).</param>
/// <param name="Gtin">GTIN (8, 12, 13 or 14 digits).</param>
/// <param name="Lot">Batch/lot, 1-20 characters of GS1 CSET 82.</param>
/// <param name="Expiry">Expiry as printed, YYMMDD (day 00 = end of month).</param>
/// <param name="Product">Product data (kept from the first batch of the GTIN).</param>
/// <param name="Count">Packs to commission with random serials (ignored when identifiers are imported).</param>
/// <param name="ImportedSerials">Serials generated elsewhere, instead of random ones.</param>
/// <param name="ChinaCodes">Chinese 20-digit traceability codes to use as the pack identifiers.</param>
/// <param name="ScratchCodes">Issue one scratch-off code per pack (returned once, stored only as a keyed hash).</param>
public sealed record CommissionRequest(
    string ManufacturerGln,
    string Gtin,
    string Lot,
    string Expiry,
    ProductData Product,
    int Count,
    IReadOnlyList<string>? ImportedSerials = null,
    IReadOnlyList<string>? ChinaCodes = null,
    bool ScratchCodes = false)
{
    /// <summary>Most packs one request may commission.</summary>
    public const int MaxPacks = 1_000_000;
}
