using TraceChain.Protocol.Diagnosis;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Scratch;
using TraceLedger.Packs;

namespace TraceGateway.Counter;

/// <summary>
/// Pure: reads what a keyboard-wedge scanner typed into the counter page. The configured GS substitute is turned back
/// into GS, then the ledger's own classifier (<see cref="PackScan"/>: GS1 Digital Link, China 20-digit code, GS1
/// element string) names the pack. A broken GS1 reading gets the scanner-setup diagnosis (<see cref="ScanDiagnosis"/>),
/// and so does a valid one that still looks like a setup fault (dropped or substituted separators). A scratch-off code
/// is recognised and refused: it is the patient's check.
/// </summary>
public static class CounterScanReader
{
    // What a browser field or a wedge scanner's suffix can leave around a scan; GS (0x1D) is data and stays.
    private static readonly char[] Padding = [' ', '\t', '\r', '\n'];

    /// <summary>Reads <paramref name="typed"/> with <paramref name="gsSubstitute"/> (see <see cref="GsSubstitutes"/>).</summary>
    public static CounterReading Read(string typed, string gsSubstitute, Gs1ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(options);
        var scan = GsSubstitutes.Restore(typed.Trim(Padding), gsSubstitute ?? "");
        if (scan.Length == 0)
        {
            return new CounterReading(scan, null, null, null, "nothing was scanned", []);
        }

        var isLink = scan.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || scan.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        VerdictRequest request;
        try
        {
            request = PackScan.ToRequest(scan);
        }
        catch (Exception e) when (e is PackRequestException or FormatException)
        {
            if (ScratchCode.TryParse(scan, out _, out _))
            {
                // Checking it here would spend the patient's first check ("already checked — may be a copy" later).
                return new CounterReading(scan, null, null, null, "a scratch-off code is the patient's second factor; scan the pack's code", [], IsScratchCode: true);
            }

            return new CounterReading(scan, null, null, null, e.Message, isLink ? [] : ScanDiagnosis.Diagnose(scan, options));
        }

        var warnings = isLink || request.Identifier is null || request.Identifier.StartsWith("cn:", StringComparison.Ordinal)
            ? []
            : ScanDiagnosis.Diagnose(scan, options).Where(f => f.Code is ScanFindingCode.SeparatorsDropped or ScanFindingCode.SeparatorSubstituted).ToList();
        return new CounterReading(scan, request.Identifier, request.Batch, request.Expiry, null, warnings);
    }
}
