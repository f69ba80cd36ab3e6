using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScannerAgent.Commands;

/// <summary>Writes a <see cref="CheckScanReport"/> for people (aligned text) or programs (one JSON object).</summary>
internal static class CheckScanOutput
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,

        // Messages hold quotes, '<GS>' and Chinese text: keep them readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteJson(CheckScanReport report, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(report, Json));

    public static void WriteText(CheckScanReport report, TextWriter output)
    {
        var what = report.Kind switch
        {
            "digitalLink" => "GS1 Digital Link",
            "chinaDrugCode" => "China drug traceability code",
            _ => "GS1 scan",
        };
        var symbology = report.Aim is null ? string.Empty : $" ({report.Symbology}, {report.Aim})";
        output.WriteLine(report.Valid ? $"Valid {what}{symbology}" : $"INVALID {what}{symbology}");
        output.WriteLine($"  input           {report.Input}");

        if (report.Error is { } error)
        {
            output.WriteLine($"  error           {error.Message}");
        }

        if (report.Elements.Count > 0)
        {
            output.WriteLine("Application identifiers:");
            var width = report.Elements.Max(e => e.Ai.Length + e.Title.Length + 3);
            foreach (var element in report.Elements)
            {
                output.WriteLine($"  {$"({element.Ai}) {element.Title}".PadRight(width)}  {element.Value}");
            }
        }

        if (report.ChinaDrugCode is { } china)
        {
            output.WriteLine($"  product code    {china.ProductResourceCode}");
            output.WriteLine($"  serial number   {china.SerialNumber}");
            output.WriteLine($"  check value     {china.CheckValue}");
        }

        Line(output, "HRI", report.Hri);
        Line(output, "element string", report.ElementString);
        Line(output, "Digital Link", report.DigitalLink);
        if (report.Identifier is { } identifier)
        {
            output.WriteLine($"  identifier      {identifier.Key} ({identifier.Kind})");
        }

        if (report.Findings.Count > 0)
        {
            output.WriteLine(report.Valid ? "Scanner setup notes:" : "Diagnosis (likeliest first):");
            var number = 1;
            foreach (var finding in report.Findings)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {number++}. {finding.Code} (confidence {finding.Confidence:0.00})"));
                output.WriteLine($"     {finding.Message}");
                output.WriteLine($"     Fix: {finding.Fix}");
                if (finding.RepairedHri is not null)
                {
                    output.WriteLine($"     Repaired: {finding.RepairedHri}");
                }
            }
        }

        foreach (var note in report.Notes)
        {
            output.WriteLine($"Note: {note}");
        }
    }

    private static void Line(TextWriter output, string label, string? value)
    {
        if (value is not null)
        {
            output.WriteLine($"  {label.PadRight(15)} {value}");
        }
    }
}
