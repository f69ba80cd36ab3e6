using TraceChain.Imaging;
using TraceChain.Protocol.Gs1;
using TraceGateway.Features.VerifyForConsumer;
using TraceLedger.Packs;

namespace TraceGateway.Features.VerifyPhoto;

/// <summary>
/// Picks the pack code among the codes found in a photo. A pack code names one pack: GS1 data or a Digital Link with
/// a GTIN (01) and a serial (21), or a China 20-digit code. Product barcodes (EAN-13, a GTIN alone), case and pallet
/// codes (SSCC) and other QR codes are not. Several pack codes of the same pack (the Data Matrix and the Digital Link
/// QR beside it) count as one; of several packs, the largest code in the photo (the one photographed) wins.
/// </summary>
public static class PackCodePicker
{
    public static PackCodeChoice Pick(IReadOnlyList<DecodedCode> codes, string digitalLinkBase)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var candidates = new List<(string Scan, string Identifier, double Area)>();
        string? problem = null;
        foreach (var code in codes)
        {
            var scan = code.Text.Trim();
            try
            {
                VerdictRequest request;
                if (code.IsGs1)
                {
                    // Parsed once here, to show it. GS1 data goes on in its bracketed form: 20 digits of GS1-128 (an
                    // SSCC, or a GTIN with a two-digit serial) would otherwise also read as a China drug code.
                    var parsed = Gs1Parser.Parse(code.SymbologyIdentifier + code.Text);
                    request = PackScan.ToRequest(parsed);
                    scan = parsed.HumanReadable;
                }
                else
                {
                    request = PackScan.ToRequest(scan);
                }

                if (scan.Length > VerifyForConsumerQuery.MaxCodeLength)
                {
                    throw new PackRequestException($"the code is longer than {VerifyForConsumerQuery.MaxCodeLength} characters");
                }

                candidates.Add((scan, request.Identifier!, Area(code.Corners)));
            }
            catch (Exception e) when (e is PackRequestException or FormatException or ArgumentException)
            {
                problem ??= e.Message;
            }
        }

        if (candidates.Count == 0)
        {
            return new PackCodeChoice(null, null, [], null, problem ?? "no code found");
        }

        var chosen = candidates.MaxBy(c => c.Area);
        var notes = new List<string>();
        if (codes.Count > 1)
        {
            notes.Add(PhotoCheck.SeveralCodes);
        }

        if (candidates.Select(c => c.Identifier).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            notes.Add(PhotoCheck.SeveralPacks);
        }

        var website = OtherWebsite(chosen.Scan, digitalLinkBase);
        if (website is not null)
        {
            notes.Add(PhotoCheck.OtherWebsite);
        }

        return new PackCodeChoice(chosen.Scan, chosen.Scan, notes, website, null);
    }

    /// <summary>The host of a Digital Link that is not on the platform's domain: a QR that sends consumers elsewhere.</summary>
    private static string? OtherWebsite(string scan, string digitalLinkBase) =>
        Uri.TryCreate(scan, UriKind.Absolute, out var link) && link.Scheme is "http" or "https"
        && (!Uri.TryCreate(digitalLinkBase, UriKind.Absolute, out var ours) || !string.Equals(link.Host, ours.Host, StringComparison.OrdinalIgnoreCase))
            ? link.Host
            : null;

    /// <summary>The symbol's area in the photo from its four corners (shoelace formula).</summary>
    private static double Area(IReadOnlyList<PixelPoint> corners)
    {
        var sum = 0.0;
        for (var i = 0; i < corners.Count; i++)
        {
            var (a, b) = (corners[i], corners[(i + 1) % corners.Count]);
            sum += ((double)a.X * b.Y) - ((double)b.X * a.Y);
        }

        return Math.Abs(sum) / 2;
    }
}
