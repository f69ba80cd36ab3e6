using TraceChain.Protocol.China;
using TraceChain.Protocol.Diagnosis;
using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Hops;

namespace ScannerAgent.Hops;

/// <summary>
/// Pure: turns a scanner's text (with its AIM symbology identifier) into a canonical pack identifier. Recognised
/// in order: a GS1 Digital Link URI, a China 20-digit drug code (AIM ]C0, or 20 digits that are not GS1), GS1
/// element strings. An invalid GS1 scan gets the most likely scanner-setup cause from <see cref="ScanDiagnosis"/>.
/// </summary>
public static class ScanInterpreter
{
    /// <summary>Reads one scan.</summary>
    public static ScanReading Read(string scan, Gs1ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(options);
        var hasAim = AimIdentifier.TryParse(scan, out var aim);
        var body = hasAim ? scan[3..] : scan;
        if (body.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || body.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return DigitalLinkUri.TryParse(body.Trim(), options, out var link, out var linkError)
                ? FromGs1(scan, link.ToGs1(options))
                : Invalid(scan, $"Digital Link: {linkError.Message}", null);
        }

        var gs1 = Gs1Parser.Parse(scan, options);
        var chinaAim = hasAim && aim is { Code: 'C', Modifier: '0' };
        if (chinaAim || (!gs1.Success && ChinaDrugCode.TryParse(scan, out _, out _)))
        {
            return ChinaDrugCode.TryParse(scan, out var code, out var chinaError)
                ? new ScanReading(PackIdentifier.ForChinaCode(code.Canonical), null, null, scan, null, null)
                : Invalid(scan, $"China drug code: {chinaError.Message}", null);
        }

        if (!gs1.Success)
        {
            var finding = ScanDiagnosis.Diagnose(scan, options).FirstOrDefault();
            return Invalid(scan, $"GS1: {gs1.Error.Message}", finding is null ? null : $"{finding.Message} Fix: {finding.Fix}");
        }

        return FromGs1(scan, gs1);
    }

    private static ScanReading FromGs1(string scan, Gs1ParseResult gs1)
    {
        var identifier = PackIdentifier.FromGs1(gs1.Identifier);
        return identifier is not null
            ? new ScanReading(identifier, gs1.GetValue("10"), gs1.GetValue("17"), scan, null, null)
            : Invalid(scan, "GS1: the code names no serialised pack (GTIN + serial, AI 01 + 21) and no SSCC (AI 00)", "Scan the pack's 2D code (GS1 DataMatrix or QR), not the linear EAN barcode.");
    }

    private static ScanReading Invalid(string scan, string problem, string? advice) => new(null, null, null, scan, problem, advice);
}
