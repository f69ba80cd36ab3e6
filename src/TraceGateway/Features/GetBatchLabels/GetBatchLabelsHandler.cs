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
/// with zint: an SVG sheet, or a zip of PNGs with a CSV manifest. Pages are keyset pages of the ledger (cost
/// independent of depth), chained by <see cref="LabelCursor"/>. Unknown batch: 404; another manufacturer's batch: 403;
/// a cursor that is not one of this batch's packs: 400 from the ledger.
/// </summary>
public sealed class GetBatchLabelsHandler(ILedgerClient ledger, IOptions<DigitalLinkSettings> digitalLink) : IRequestHandler<GetBatchLabelsQuery, BatchLabelFile>
{
    private static readonly LabelWriter Writer = new(new LabelOptions { ModulePixels = 4, QuietZoneModules = 2 });

    public async Task<BatchLabelFile> Handle(GetBatchLabelsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        LabelCursor.TryParse(request.After, out var cursor);
        // Only the first page counts the batch; later pages carry the count in their cursor.
        var page = await ledger.GetBatchPacksAsync(request.Gtin!, request.Lot!, cursor?.After, request.PageSize, withTotal: cursor is null, cancellationToken)
            ?? throw new NotFoundException($"batch {request.Lot} of GTIN {request.Gtin} is not commissioned");
        if (page.OwnerGln != request.ManufacturerGln)
        {
            throw new ForbiddenException($"batch {page.Lot} of GTIN {page.Gtin} belongs to another manufacturer; only its owner gets its labels");
        }

        var offset = cursor?.Position ?? 0;
        var total = cursor?.Total ?? page.Total ?? 0;
        if (page.Identifiers.Count == 0 && cursor is not null)
        {
            throw new NotFoundException($"the cursor is past the end of batch {page.Lot} of GTIN {page.Gtin}");
        }

        var labels = page.Identifiers
            .Select(id => PackLabel.Create(id, page.Lot, page.Expiry, request.Symbology!, digitalLink.Value.BaseUri))
            .ToList();
        var first = offset + 1;
        var next = page.Next is null ? null : new LabelCursor(offset + labels.Count, Math.Max(total, offset + labels.Count), page.Next).ToString();
        var stem = string.Create(CultureInfo.InvariantCulture, $"labels-{page.Gtin}-{LabelArchive.FileNamePart(page.Lot)}-{request.Symbology}-{first:D7}");
        if (request.Format == GetBatchLabelsQuery.Svg)
        {
            var title = string.Create(CultureInfo.InvariantCulture,
                $"GTIN {page.Gtin}   batch {page.Lot}   expiry {page.Expiry}   labels {first}-{offset + labels.Count} of {total}");
            var sheet = LabelSheet.Compose([.. labels.Select(l => Writer.WriteSvg(l.Label))], request.Columns, title);
            return new BatchLabelFile(Encoding.UTF8.GetBytes(sheet), "image/svg+xml", stem + ".svg", first, total, labels.Count, next);
        }

        var pngs = labels.Select(l => (l, Writer.WritePng(l.Label))).ToList();
        var zip = LabelArchive.Create(pngs, page.Gtin, page.Lot, page.Expiry, first);
        return new BatchLabelFile(zip, "application/zip", stem + ".zip", first, total, labels.Count, next);
    }
}
