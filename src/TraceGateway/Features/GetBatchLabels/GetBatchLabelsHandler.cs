using System.Globalization;
using System.Text;
using MediatR;
using Microsoft.Extensions.Options;
using TraceChain.Imaging.Labels;
using TraceGateway.Errors;
using TraceGateway.Imaging;
using TraceGateway.LedgerAccess;

namespace TraceGateway.Features.GetBatchLabels;

/// <summary>
/// Reads one page of the batch's packs from the ledger, checks the caller owns the product, and renders the labels
/// with zint: an SVG sheet, or a zip of PNGs with a CSV manifest. Unknown batch or page: 404; another
/// manufacturer's batch: 403.
/// </summary>
public sealed class GetBatchLabelsHandler(ILedgerClient ledger, IOptions<DigitalLinkSettings> digitalLink) : IRequestHandler<GetBatchLabelsQuery, BatchLabelFile>
{
    private static readonly LabelWriter Writer = new(new LabelOptions { ModulePixels = 4, QuietZoneModules = 2 });

    public async Task<BatchLabelFile> Handle(GetBatchLabelsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = await ledger.GetBatchPacksAsync(request.Gtin!, request.Lot!, (request.Page - 1) * request.PageSize, request.PageSize, cancellationToken)
            ?? throw new NotFoundException($"batch {request.Lot} of GTIN {request.Gtin} is not commissioned");
        if (page.OwnerGln != request.ManufacturerGln)
        {
            throw new ForbiddenException($"batch {page.Lot} of GTIN {page.Gtin} belongs to another manufacturer; only its owner gets its labels");
        }

        var pageCount = Math.Max(1, (int)((page.Total + (long)request.PageSize - 1) / request.PageSize));
        if (page.Identifiers.Count == 0 && request.Page > 1)
        {
            throw new NotFoundException($"page {request.Page} is past the end of batch {page.Lot} of GTIN {page.Gtin} ({pageCount} pages of {request.PageSize})");
        }

        var labels = page.Identifiers
            .Select(id => PackLabel.Create(id, page.Lot, page.Expiry, request.Symbology!, digitalLink.Value.BaseUri))
            .ToList();
        var stem = string.Create(CultureInfo.InvariantCulture, $"labels-{page.Gtin}-{SafeName(page.Lot)}-{request.Symbology}-p{request.Page}");
        if (request.Format == GetBatchLabelsQuery.Svg)
        {
            var first = page.Offset + 1;
            var title = string.Create(CultureInfo.InvariantCulture,
                $"GTIN {page.Gtin}   batch {page.Lot}   expiry {page.Expiry}   labels {first}-{page.Offset + labels.Count} of {page.Total}   page {request.Page} of {pageCount}");
            var sheet = LabelSheet.Compose([.. labels.Select(l => Writer.WriteSvg(l.Label))], request.Columns, title);
            return new BatchLabelFile(Encoding.UTF8.GetBytes(sheet), "image/svg+xml", stem + ".svg", request.Page, pageCount, page.Total, labels.Count);
        }

        var pngs = labels.Select(l => (l, Writer.WritePng(l.Label))).ToList();
        var zip = LabelArchive.Create(pngs, page.Gtin, page.Lot, page.Expiry, page.Offset + 1);
        return new BatchLabelFile(zip, "application/zip", stem + ".zip", request.Page, pageCount, page.Total, labels.Count);
    }

    private static string SafeName(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
