namespace TraceGateway.Features.GetBatchLabels;

/// <summary>One page of a batch's labels as a file, with where it sits in the batch.</summary>
/// <param name="Content">The SVG sheet or the zip.</param>
/// <param name="ContentType"><c>image/svg+xml</c> or <c>application/zip</c>.</param>
/// <param name="FileName">A file name naming GTIN, lot and page.</param>
/// <param name="Page">This page (1-based).</param>
/// <param name="PageCount">Pages in the batch at this page size.</param>
/// <param name="Total">Packs in the batch.</param>
/// <param name="Labels">Labels in this file.</param>
public sealed record BatchLabelFile(byte[] Content, string ContentType, string FileName, int Page, int PageCount, int Total, int Labels);
