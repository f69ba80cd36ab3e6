namespace TraceChain.Protocol.Gs1;

/// <summary>
/// Reads the bracketed human-readable form "(01)09506000134352(17)201225(10)ABC123", as people type it. A '('
/// starts the next element only when it is followed by a known AI and ')'; "\(" is always a literal '('. Spaces
/// around values are ignored (no AI value may contain a space).
/// </summary>
internal static class BracketedReader
{
    public static Gs1Error? Read(ReadOnlySpan<char> s, int start, int referenceYear, List<Gs1Element> elements)
    {
        var p = start;
        while (p < s.Length)
        {
            if (s[p] == ' ')
            {
                p++;
                continue;
            }

            if (!TryReadAi(s, p, out var definition, out var afterAi))
            {
                return s[p] == '('
                    ? new Gs1Error(Gs1ErrorCode.MalformedBracketedInput, null, p, $"'{Head(s, p)}' is not a known AI in brackets")
                    : new Gs1Error(Gs1ErrorCode.MalformedBracketedInput, null, p, $"expected '(' and an AI but found {AiValueValidator.Describe(s[p])}");
            }

            var valueStart = afterAi;
            while (valueStart < s.Length && s[valueStart] == ' ')
            {
                valueStart++;
            }

            var valueEnd = valueStart;
            var escaped = false;
            while (valueEnd < s.Length)
            {
                if (s[valueEnd] == '\\' && valueEnd + 1 < s.Length && s[valueEnd + 1] == '(')
                {
                    escaped = true;
                    valueEnd += 2;
                    continue;
                }

                if (s[valueEnd] == '(' && TryReadAi(s, valueEnd, out _, out _))
                {
                    break;
                }

                valueEnd++;
            }

            var next = valueEnd;
            while (valueEnd > valueStart && s[valueEnd - 1] == ' ')
            {
                valueEnd--;
            }

            var value = escaped ? s[valueStart..valueEnd].ToString().Replace("\\(", "(", StringComparison.Ordinal) : s[valueStart..valueEnd].ToString();
            var error = AiValueValidator.Validate(definition, value, referenceYear);
            if (error is not null)
            {
                return error.ShiftedBy(valueStart);
            }

            elements.Add(new Gs1Element(definition, value, p));
            p = next;
        }

        return null;
    }

    private static bool TryReadAi(ReadOnlySpan<char> s, int p, out ApplicationIdentifier definition, out int afterAi)
    {
        definition = null!;
        afterAi = 0;
        if (s[p] != '(')
        {
            return false;
        }

        var close = s[(p + 1)..Math.Min(s.Length, p + 6)].IndexOf(')');
        if (close < 2 || !AiDictionary.TryGet(s.Slice(p + 1, close), out var found))
        {
            return false;
        }

        definition = found;
        afterAi = p + close + 2;
        return true;
    }

    private static string Head(ReadOnlySpan<char> s, int p) => s[p..Math.Min(s.Length, p + 6)].ToString();
}
