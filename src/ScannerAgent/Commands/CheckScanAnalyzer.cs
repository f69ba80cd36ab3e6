using TraceChain.Protocol.China;
using TraceChain.Protocol.Diagnosis;
using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;

namespace ScannerAgent.Commands;

/// <summary>
/// Reads one scan as a Digital Link URI, a China 20-digit drug code or GS1 element strings (in that order of
/// recognition) and, for an invalid GS1 scan, asks <see cref="ScanDiagnosis"/> what in the scanner setup explains it.
/// </summary>
internal static class CheckScanAnalyzer
{
    public static CheckScanReport Analyze(string typed, string domain, Gs1ParseOptions options)
    {
        var scan = ScanTextDecoder.Decode(typed);
        var shown = ScanTextDecoder.Show(scan);
        var hasAim = AimIdentifier.TryParse(scan, out var aim);
        var body = hasAim ? scan[3..] : scan;

        if (body.TrimStart().StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || body.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return DigitalLink(body, shown, hasAim ? aim : null, domain, options);
        }

        var gs1 = Gs1Parser.Parse(scan, options);
        var chinaPrefix = hasAim && aim is { Code: 'C', Modifier: '0' };
        if (chinaPrefix || (!gs1.Success && (!hasAim || aim is { Code: 'C', Modifier: '1' }) && ChinaDrugCode.IsValid(scan)))
        {
            return China(scan, shown, hasAim ? aim : null);
        }

        return Gs1(scan, shown, gs1, domain, options);
    }

    private static CheckScanReport Gs1(string scan, string shown, Gs1ParseResult parsed, string domain, Gs1ParseOptions options)
    {
        var findings = ScanDiagnosis.Diagnose(scan, options).Select(f => Finding(f, domain)).ToList();
        var baseReport = new CheckScanReport
        {
            Valid = parsed.Success,
            Kind = "gs1",
            Input = shown,
            Aim = parsed.Aim?.ToString(),
            Symbology = parsed.Aim is null ? null : parsed.Symbology.ToString(),
            Findings = findings,
        };
        if (!parsed.Success)
        {
            var error = parsed.Error;
            return baseReport with { Error = new CheckScanReport.Problem(error.Code.ToString(), error.Message, error.Ai, error.Position) };
        }

        var notes = new List<string>();
        if (ChinaDrugCode.IsValid(scan))
        {
            notes.Add("These 20 digits also have the structure of a China drug traceability code; they were read as GS1 because they are valid GS1 data.");
        }

        var link = LinkOn(domain, parsed, notes);
        return baseReport with
        {
            Elements = Elements(parsed.Elements.Select(e => (e.Ai, e.Value))),
            Hri = parsed.HumanReadable,
            ElementString = ScanTextDecoder.Show(parsed.ElementString),
            DigitalLink = link,
            Identifier = Identity(parsed.Identifier),
            Notes = notes,
        };
    }

    private static CheckScanReport DigitalLink(string uri, string shown, AimIdentifier? aim, string domain, Gs1ParseOptions options)
    {
        var report = new CheckScanReport
        {
            Valid = false,
            Kind = "digitalLink",
            Input = shown,
            Aim = aim?.ToString(),
            Symbology = aim?.Symbology.ToString(),
        };
        if (!DigitalLinkUri.TryParse(uri, options, out var link, out var error))
        {
            return report with { Error = new CheckScanReport.Problem(error.Kind.ToString(), error.Message, error.Ai, null) };
        }

        var gs1 = link.ToGs1(options);
        var notes = new List<string> { $"Read from a GS1 Digital Link on {link.Stem}." };
        if (link.OtherParameters.Count > 0)
        {
            notes.Add($"Query parameters that are not GS1 data were ignored: {string.Join(", ", link.OtherParameters.Select(p => p.Key))}.");
        }

        return report with
        {
            Valid = true,
            Elements = Elements(link.Elements.Select(e => (e.Ai, e.Value))),
            Hri = gs1.HumanReadable,
            ElementString = ScanTextDecoder.Show(gs1.ElementString),
            DigitalLink = LinkOn(domain, gs1, notes),
            Identifier = Identity(gs1.Identifier),
            Notes = notes,
        };
    }

    private static CheckScanReport China(string scan, string shown, AimIdentifier? aim)
    {
        var report = new CheckScanReport
        {
            Valid = false,
            Kind = "chinaDrugCode",
            Input = shown,
            Aim = aim?.ToString(),
            Symbology = aim?.Symbology.ToString(),
        };
        if (!ChinaDrugCode.TryParse(scan, out var code, out var error))
        {
            return report with { Error = new CheckScanReport.Problem(error.Kind.ToString(), error.Message, null, error.Position) };
        }

        return report with
        {
            Valid = true,
            Identifier = new CheckScanReport.Identity("ChinaDrugCode", code.Canonical, null, code.SerialNumber, null, null),
            ChinaDrugCode = new CheckScanReport.ChinaCode(code.ProductResourceCode, code.SerialNumber, code.CheckValue),
            Notes = ["The 4-digit check value's algorithm is not public: only the structure (20 digits) was checked."],
        };
    }

    private static string? LinkOn(string domain, Gs1ParseResult parsed, List<string> notes)
    {
        if (DigitalLinkUri.TryCreate(domain, parsed, out var link, out var error))
        {
            return link.ToString();
        }

        notes.Add($"No Digital Link: {error.Message}");
        return null;
    }

    private static CheckScanReport.Finding Finding(ScanFinding finding, string domain)
    {
        string? repairedLink = null;
        if (finding.Repaired is { Success: true } repaired && DigitalLinkUri.TryCreate(domain, repaired, out var link, out _))
        {
            repairedLink = link.ToString();
        }

        return new CheckScanReport.Finding(
            finding.Code.ToString(),
            finding.Message,
            finding.Fix,
            Math.Round(finding.Confidence, 2),
            finding.Repaired?.HumanReadable,
            repairedLink);
    }

    private static List<CheckScanReport.Element> Elements(IEnumerable<(string Ai, string Value)> elements) =>
        elements.Select(e => new CheckScanReport.Element(e.Ai, AiDictionary.TryGet(e.Ai, out var d) ? d.Title : string.Empty, e.Value)).ToList();

    private static CheckScanReport.Identity? Identity(Gs1Identifier? identifier) =>
        identifier is null
            ? null
            : new CheckScanReport.Identity(identifier.Kind.ToString(), identifier.Key, identifier.Gtin, identifier.Serial, identifier.Batch, identifier.Sscc);
}
