using TraceChain.Imaging.Labels;
using TraceChain.Protocol.DigitalLink;

namespace TraceGateway.Imaging;

/// <summary>
/// One pack's label: the symbol and what it encodes. Every label prints the same human-readable lines, the GS1 HRI
/// (01) GTIN, (17) expiry, (10) batch, (21) serial, whatever the symbology, so a person can read what a scanner reads.
/// </summary>
/// <param name="Identifier">The ledger's pack identifier.</param>
/// <param name="Serial">The serial (or the 20-digit China code).</param>
/// <param name="Code">What the symbol encodes: the GS1 element string in HRI form, the Digital Link URI, or the China code.</param>
/// <param name="Label">The label to render.</param>
public sealed record PackLabel(string Identifier, string Serial, string Code, Label Label)
{
    private const string GtinPrefix = "gtin:";
    private const string SerialInfix = ":ser:";
    private const string ChinaPrefix = "cn:";

    /// <summary>
    /// The label of a commissioned pack. <paramref name="symbology"/> is <c>datamatrix</c>, <c>gs1qr</c> or
    /// <c>digitallink</c>; a Chinese 20-digit code has no GS1 form and is always a plain QR Code of its digits.
    /// </summary>
    /// <exception cref="FormatException">The identifier is neither a GTIN + serial nor a China code.</exception>
    public static PackLabel Create(string identifier, string lot, string expiry, string symbology, string digitalLinkBase)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.StartsWith(ChinaPrefix, StringComparison.Ordinal))
        {
            var code = identifier[ChinaPrefix.Length..];
            return new PackLabel(identifier, code, code, Label.QrCode(code));
        }

        var infix = identifier.IndexOf(SerialInfix, StringComparison.Ordinal);
        if (!identifier.StartsWith(GtinPrefix, StringComparison.Ordinal) || infix < 0)
        {
            throw new FormatException($"pack identifier '{identifier}' is neither gtin:…:ser:… nor cn:…");
        }

        var gtin = identifier[GtinPrefix.Length..infix];
        var serial = identifier[(infix + SerialInfix.Length)..];

        // Fixed-length AIs first (01, 17), then the variable-length ones, as GS1 recommends: fewer separators.
        Gs1Element[] elements = [new("01", gtin), new("17", expiry), new("10", lot), new("21", serial)];
        var hri = elements.Select(e => $"({e.Ai}){e.Value}").ToArray();
        var elementString = string.Concat(hri);
        return symbology switch
        {
            "datamatrix" => new PackLabel(identifier, serial, elementString, Label.Gs1DataMatrix(elements)),
            "gs1qr" => new PackLabel(identifier, serial, elementString, Label.Gs1QrCode(elements)),
            "digitallink" => DigitalLinkLabel(identifier, serial, elements, hri, digitalLinkBase),
            _ => throw new ArgumentOutOfRangeException(nameof(symbology), symbology, "must be datamatrix, gs1qr or digitallink"),
        };
    }

    private static PackLabel DigitalLinkLabel(string identifier, string serial, Gs1Element[] elements, string[] hri, string digitalLinkBase)
    {
        var link = DigitalLinkUri.Create(digitalLinkBase.TrimEnd('/'), elements.Select(e => new DigitalLinkElement(e.Ai, e.Value))).ToString();
        return new PackLabel(identifier, serial, link, Label.DigitalLinkQrCode(link).WithHumanReadableLines(hri));
    }
}
