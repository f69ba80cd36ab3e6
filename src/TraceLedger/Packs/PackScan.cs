using TraceChain.Protocol.China;
using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Hops;

namespace TraceLedger.Packs;

/// <summary>Turns what a scanner or phone read (GS1 element string, GS1 Digital Link URI, Chinese 20-digit code) into a verdict request.</summary>
public static class PackScan
{
    /// <summary>The request for <paramref name="scan"/>; throws <see cref="PackRequestException"/> naming what is wrong with the code.</summary>
    public static VerdictRequest ToRequest(string scan, string? partyGln = null, string? scratchCode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scan);
        var text = scan.Trim();
        Func<string, string?> value;
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            DigitalLinkUri link;
            try
            {
                link = DigitalLinkUri.Parse(text);
            }
            catch (FormatException e)
            {
                throw new PackRequestException("Digital Link: " + e.Message, e);
            }

            value = ai => link.Elements.FirstOrDefault(e => e.Ai == ai)?.Value;
        }
        else if (!MarkedAsGs1(text) && ChinaDrugCode.TryParse(text, out var china, out _))
        {
            return ChinaRequest(china);
        }
        else
        {
            var parsed = Gs1Parser.Parse(text);
            if (!parsed.Success)
            {
                // A GS1 symbology identifier on data that is not GS1 (a China code printed with FNC1) still reads as a China code.
                return ChinaDrugCode.TryParse(text, out var chinaCode, out _)
                    ? ChinaRequest(chinaCode)
                    : throw new PackRequestException("GS1 code: " + parsed.Error.Message);
            }

            value = parsed.GetValue;
        }

        return FromElements(value, partyGln, scratchCode);

        VerdictRequest ChinaRequest(ChinaDrugCode code) =>
            new(PackIdentifier.ForChinaCode(code.Canonical), PartyGln: partyGln, ScratchCode: scratchCode);
    }

    /// <summary>The request for GS1 data already parsed (e.g. to show it); throws <see cref="PackRequestException"/> when it names no pack.</summary>
    public static VerdictRequest ToRequest(Gs1ParseResult parsed, string? partyGln = null, string? scratchCode = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return parsed.Success ? FromElements(parsed.GetValue, partyGln, scratchCode) : throw new PackRequestException("GS1 code: " + parsed.Error.Message);
    }

    private static VerdictRequest FromElements(Func<string, string?> value, string? partyGln, string? scratchCode)
    {
        var gtin = value("01");
        var serial = value("21");
        if (gtin is null || serial is null)
        {
            throw new PackRequestException("the code has no GTIN (01) and serial (21): it does not identify a pack");
        }

        return new VerdictRequest(PackIdentifier.ForGtinSerial(gtin, serial), value("10"), value("17"), partyGln, scratchCode);
    }

    // 20 digits of GS1-128 data (an SSCC, or a GTIN with a two-digit serial) would also pass as a China code: a GS1
    // symbology identifier (]C1, ]d2, ]Q3, ...) says which reading the scanner saw.
    private static bool MarkedAsGs1(string text) => AimIdentifier.TryParse(text, out var aim) && aim.IsGs1;
}
