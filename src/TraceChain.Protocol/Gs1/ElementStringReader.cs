namespace TraceChain.Protocol.Gs1;

/// <summary>
/// Reads unbracketed element strings where FNC1 separators arrive as GS (0x1D). Predefined-length AIs take
/// exactly their length; every other AI runs to the next GS or the end of the data.
/// </summary>
internal static class ElementStringReader
{
    private const char Gs = Gs1Formatter.GroupSeparator;

    public static Gs1Error? Read(ReadOnlySpan<char> s, int start, int referenceYear, List<Gs1Element> elements, ref List<Gs1Warning>? warnings)
    {
        var p = start;
        var afterSeparator = false;
        while (p < s.Length)
        {
            if (s[p] == Gs)
            {
                if (afterSeparator)
                {
                    return new Gs1Error(Gs1ErrorCode.UnexpectedSeparator, null, p, "two GS separators in a row (an empty element)");
                }

                var previous = elements.Count == 0 ? null : elements[^1].Ai;
                (warnings ??= []).Add(previous is null
                    ? new Gs1Warning(Gs1WarningCode.LeadingSeparator, null, p, "GS before the first element")
                    : new Gs1Warning(Gs1WarningCode.SeparatorAfterPredefinedLength, previous, p, $"GS after predefined-length AI ({previous}) is not needed"));
                afterSeparator = true;
                p++;
                continue;
            }

            if (!AiDictionary.TryMatchPrefix(s[p..], out var definition))
            {
                return UnknownAi(s, p);
            }

            var valueStart = p + definition.Ai.Length;
            int valueEnd;
            if (definition.IsPredefinedLength)
            {
                valueEnd = valueStart + definition.MaxLength;
                if (valueEnd > s.Length)
                {
                    return new Gs1Error(Gs1ErrorCode.ValueTooShort, definition.Ai, s.Length,
                        $"value has {s.Length - valueStart} characters but format {definition.Format} needs {definition.MaxLength}; the data ends early");
                }

                var separator = s[valueStart..valueEnd].IndexOf(Gs);
                if (separator >= 0)
                {
                    return new Gs1Error(Gs1ErrorCode.UnexpectedSeparator, definition.Ai, valueStart + separator,
                        $"GS inside the fixed-length value (format {definition.Format})");
                }

                afterSeparator = false;
            }
            else
            {
                var separator = s[valueStart..].IndexOf(Gs);
                valueEnd = separator < 0 ? s.Length : valueStart + separator;
                if (valueEnd - valueStart > definition.MaxLength)
                {
                    return new Gs1Error(Gs1ErrorCode.ValueTooLong, definition.Ai, valueStart + definition.MaxLength,
                        $"value runs on for {valueEnd - valueStart} characters but format {definition.Format} allows {definition.MaxLength}: a GS (FNC1) separator after it is probably missing");
                }

                afterSeparator = separator >= 0;
            }

            var value = s[valueStart..valueEnd];
            var error = AiValueValidator.Validate(definition, value, referenceYear);
            if (error is not null)
            {
                return error.ShiftedBy(valueStart);
            }

            elements.Add(new Gs1Element(definition, value.ToString(), p));
            p = afterSeparator ? valueEnd + 1 : valueEnd;
        }

        if (afterSeparator && elements.Count > 0)
        {
            (warnings ??= []).Add(new Gs1Warning(Gs1WarningCode.TrailingSeparator, elements[^1].Ai, s.Length - 1, "GS after the last element"));
        }

        return null;
    }

    internal static Gs1Error UnknownAi(ReadOnlySpan<char> s, int p)
    {
        if (!char.IsAsciiDigit(s[p]))
        {
            return new Gs1Error(Gs1ErrorCode.InvalidCharacter, null, p, $"expected an AI but found {AiValueValidator.Describe(s[p])}");
        }

        var digits = 0;
        while (p + digits < s.Length && digits < 4 && char.IsAsciiDigit(s[p + digits]))
        {
            digits++;
        }

        var expected = AiDictionary.AiLengthForPrefix(s[p..Math.Min(s.Length, p + 2)]);
        if (p + digits == s.Length && (digits < 2 || digits < expected))
        {
            return new Gs1Error(Gs1ErrorCode.TruncatedAi, null, p, $"the data ends inside an AI ('{s[p..]}')");
        }

        var shown = s.Slice(p, Math.Min(digits, expected == 0 ? 2 : expected));
        return new Gs1Error(Gs1ErrorCode.UnknownAi, shown.ToString(), p, "is not a known Application Identifier");
    }
}
