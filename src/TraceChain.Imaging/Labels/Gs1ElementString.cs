using System.Text;

namespace TraceChain.Imaging.Labels;

/// <summary>
/// The human-readable GS1 element string "(01)09506000134352(17)261231(10)ABC(21)123" split into elements,
/// and zint's GS1 input form "[01]09506000134352[17]...". zint checks the AIs, lengths and check digits.
/// </summary>
internal static class Gs1ElementString
{
    // GS1 character set 82 (GS1 General Specifications 7.11, figure 7.11-1). Square brackets are not in it,
    // which is what makes zint's bracketed AI syntax unambiguous.
    private const string Cset82Symbols = "!\"%&'()*+,-./:;<=>?_";

    /// <summary>Splits "(AI)value(AI)value...". An AI is "(" + 2-4 digits + ")"; a value runs to the next AI, so a
    /// value that itself contains "(dd)" must be given as elements instead.</summary>
    public static IReadOnlyList<Gs1Element> Parse(string elementString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(elementString);
        var elements = new List<Gs1Element>();
        var position = 0;
        while (position < elementString.Length)
        {
            var aiLength = AiAt(elementString, position);
            if (aiLength == 0)
            {
                throw new FormatException($"expected \"(AI)\" at offset {position} of GS1 element string \"{elementString}\"");
            }

            var ai = elementString.Substring(position + 1, aiLength);
            var valueStart = position + aiLength + 2;
            var next = valueStart;
            while (next < elementString.Length && AiAt(elementString, next) == 0)
            {
                next++;
            }

            elements.Add(new Gs1Element(ai, elementString[valueStart..next]));
            position = next;
        }

        return elements;
    }

    /// <summary>zint's GS1 input: "[01]...[17]...".</summary>
    public static string ToZint(IReadOnlyList<Gs1Element> elements)
    {
        Validate(elements);
        var builder = new StringBuilder();
        foreach (var e in elements)
        {
            builder.Append('[').Append(e.Ai).Append(']').Append(e.Value);
        }

        return builder.ToString();
    }

    /// <summary>One human-readable line per element: "(01)09506000134352".</summary>
    public static IReadOnlyList<string> ToHumanReadableLines(IReadOnlyList<Gs1Element> elements) =>
        elements.Select(e => $"({e.Ai}){e.Value}").ToArray();

    private static void Validate(IReadOnlyList<Gs1Element> elements)
    {
        if (elements.Count == 0)
        {
            throw new ArgumentException("a GS1 label needs at least one element", nameof(elements));
        }

        foreach (var e in elements)
        {
            if (e.Ai.Length is < 2 or > 4 || !e.Ai.All(char.IsAsciiDigit))
            {
                throw new ArgumentException($"GS1 AI \"{e.Ai}\" must be 2-4 digits", nameof(elements));
            }

            if (e.Value.Length is 0 or > 90)
            {
                throw new ArgumentException($"GS1 AI ({e.Ai}) value must be 1-90 characters, got {e.Value.Length}", nameof(elements));
            }

            var bad = e.Value.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c) && !Cset82Symbols.Contains(c, StringComparison.Ordinal));
            if (bad != default)
            {
                throw new ArgumentException($"GS1 AI ({e.Ai}) value \"{e.Value}\" has '{bad}' (U+{(int)bad:X4}), outside GS1 character set 82", nameof(elements));
            }
        }
    }

    // Length of the AI digits when "(" + 2-4 digits + ")" starts at position, else 0.
    private static int AiAt(string s, int position)
    {
        if (s[position] != '(')
        {
            return 0;
        }

        var digits = 0;
        while (position + 1 + digits < s.Length && digits < 5 && char.IsAsciiDigit(s[position + 1 + digits]))
        {
            digits++;
        }

        return digits is >= 2 and <= 4 && position + 1 + digits < s.Length && s[position + 1 + digits] == ')' ? digits : 0;
    }
}
