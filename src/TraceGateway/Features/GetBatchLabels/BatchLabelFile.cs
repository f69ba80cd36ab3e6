namespace TraceGateway.Features.GetBatchLabels;

/// <summary>One page of a batch's labels as a file, with where it sits in the batch.</summary>
/// <param name="Content">The SVG sheet or the zip.</param>
/// <param name="ContentType"><c>image/svg+xml</c> or <c>application/zip</c>.</param>
/// <param name="FileName">A file name naming GTIN, lot and the position of the page's first label.</param>
/// <param name="First">Position of this page's first label in the batch (1-based).</param>
/// <param name="Total">Packs in the batch.</param>
/// <param name="Labels">Labels in this file.</param>
/// <param name="Next">The cursor (<c>after=</c>) of the next page, or null when this page ends the batch.</param>
public sealed record BatchLabelFile(byte[] Content, string ContentType, string FileName, int First, int Total, int Labels, string? Next);
