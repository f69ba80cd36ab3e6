using System.Text;

namespace TraceChain.Protocol.Gs1;

/// <summary>Builds the bracketed and unbracketed forms and the canonical identifier from parsed elements.</summary>
public static class Gs1Formatter
{
    /// <summary>The GS character (ASCII 29) that transmits FNC1 as a separator.</summary>
    public const char GroupSeparator = '\u001d';

    /// <summary>Bracketed form: "(01)09506000134352(10)ABC123".</summary>
    public static string HumanReadable(IReadOnlyList<Gs1Element> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var builder = new StringBuilder(64);
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            builder.Append('(').Append(element.Ai).Append(')').Append(element.Value);
        }

        return builder.ToString();
    }

    /// <summary>Unbracketed form with GS after each element that is not of predefined length, except the last.</summary>
    public static string ElementString(IReadOnlyList<Gs1Element> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var builder = new StringBuilder(64);
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            builder.Append(element.Ai).Append(element.Value);
            if (i < elements.Count - 1 && element.Definition.RequiresSeparator)
            {
                builder.Append(GroupSeparator);
            }
        }

        return builder.ToString();
    }

    internal static Gs1Identifier? Identify(Gs1ParseResult result)
    {
        if (result.GetValue("00") is { } sscc)
        {
            return new Gs1Identifier(Gs1IdentifierKind.Sscc, "00" + sscc, null, null, null, sscc);
        }

        if (result.GetValue("01") is not { } gtin)
        {
            return null;
        }

        var serial = result.GetValue("21");
        var batch = result.GetValue("10");
        return serial is not null
            ? new Gs1Identifier(Gs1IdentifierKind.GtinSerial, $"01{gtin}21{serial}", gtin, serial, batch, null)
            : batch is not null
                ? new Gs1Identifier(Gs1IdentifierKind.GtinBatch, $"01{gtin}10{batch}", gtin, null, batch, null)
                : new Gs1Identifier(Gs1IdentifierKind.Gtin, "01" + gtin, gtin, null, null, null);
    }
}
