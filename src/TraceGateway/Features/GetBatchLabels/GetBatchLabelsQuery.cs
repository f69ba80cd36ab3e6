using MediatR;

namespace TraceGateway.Features.GetBatchLabels;

/// <summary>
/// A manufacturer's printable labels for one page of a commissioned batch (keyset paged by cursor). <see cref="ManufacturerGln"/> comes from
/// the caller's API key; only the manufacturer that owns the product gets them.
/// </summary>
/// <param name="Symbology"><c>datamatrix</c> (GS1 Data Matrix), <c>gs1qr</c> (GS1 QR) or <c>digitallink</c> (QR of the pack's Digital Link).</param>
/// <param name="Format"><c>svg</c> (one sheet, labels in a grid) or <c>png</c> (a zip of one PNG per pack plus a CSV manifest).</param>
/// <param name="After">The cursor from the previous page's <c>Link: rel="next"</c> (<see cref="LabelCursor"/>), or null for the first page.</param>
/// <param name="PageSize">Labels per page.</param>
/// <param name="Columns">Labels per row of the SVG sheet.</param>
public sealed record GetBatchLabelsQuery(
    string? ManufacturerGln,
    string? Gtin,
    string? Lot,
    string? Symbology,
    string? Format,
    string? After,
    int PageSize,
    int Columns) : IRequest<BatchLabelFile>
{
    public const string DataMatrix = "datamatrix";
    public const string Gs1Qr = "gs1qr";
    public const string DigitalLink = "digitallink";
    public const string Svg = "svg";
    public const string Png = "png";
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public const int DefaultColumns = 5;
}
