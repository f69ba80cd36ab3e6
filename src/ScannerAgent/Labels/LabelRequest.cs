namespace ScannerAgent.Labels;

/// <summary>Which labels to fetch from the gateway and where to put them.</summary>
/// <param name="Symbology">datamatrix, gs1qr or digitallink.</param>
/// <param name="Format">svg (one sheet per page) or png (one PNG per pack plus labels.csv).</param>
/// <param name="After">Start after this cursor (the <see cref="LabelDownload.Next"/> of an earlier download), or null for the batch's start.</param>
/// <param name="MaxPages">Stop after this many pages, or null to fetch to the end of the batch.</param>
public sealed record LabelRequest(
    string Gtin,
    string Batch,
    string Symbology,
    string Format,
    int PageSize,
    string? After,
    int? MaxPages,
    int Columns,
    string OutputDirectory);
