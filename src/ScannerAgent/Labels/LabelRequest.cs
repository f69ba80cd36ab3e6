namespace ScannerAgent.Labels;

/// <summary>Which labels to fetch from the gateway and where to put them.</summary>
/// <param name="Symbology">datamatrix, gs1qr or digitallink.</param>
/// <param name="Format">svg (one sheet per page) or png (one PNG per pack plus labels.csv).</param>
/// <param name="Page">One page only, or null for every page of the batch.</param>
public sealed record LabelRequest(
    string Gtin,
    string Batch,
    string Symbology,
    string Format,
    int PageSize,
    int? Page,
    int Columns,
    string OutputDirectory);
