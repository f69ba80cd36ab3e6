namespace TraceChain.Protocol.Gs1;

/// <summary>
/// Parses GS1 scanner data: an optional AIM symbology identifier (]d2 ]Q3 ]C1 ]e0 ]J1; ]E0 ]E4 for EAN/UPC),
/// then element strings with FNC1 sent as GS (0x1D), or the bracketed form "(01)...(21)...". Validates every
/// value (length, character set, check digit, dates) and the rules between AIs. Pure and allocation-light;
/// failures come back as a structured <see cref="Gs1Error"/>, never as exceptions.
/// </summary>
/// <remarks>
/// Separator policy (GS1 General Specifications 7.8.5): a GS after a predefined-length AI is unnecessary but
/// accepted (warning), as is a GS for FNC1 in first position and a trailing GS; a GS inside a fixed-length value
/// or two in a row are errors.
/// </remarks>
public static class Gs1Parser
{
    /// <summary>Parses <paramref name="input"/> with default options.</summary>
    public static Gs1ParseResult Parse(string input) => Parse(input, Gs1ParseOptions.Default);

    /// <summary>Parses <paramref name="input"/>.</summary>
    public static Gs1ParseResult Parse(string input, Gs1ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Parse(input.AsSpan(), options);
    }

    /// <summary>Parses <paramref name="input"/>.</summary>
    public static Gs1ParseResult Parse(ReadOnlySpan<char> input, Gs1ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var year = options.TimeProvider.GetUtcNow().Year;
        var elements = new List<Gs1Element>(6);
        List<Gs1Warning>? warnings = null;
        AimIdentifier? aim = null;
        var start = 0;
        var format = Gs1InputFormat.ElementString;
        Gs1Error? error = null;
        if (!input.IsEmpty && input[0] == ']')
        {
            error = ReadAim(input, out var identifier);
            aim = identifier;
            start = 3;
            if (error is null && identifier.IsEanUpc)
            {
                format = Gs1InputFormat.EanUpc;
                error = ReadEanUpc(input[3..], identifier, elements);
            }
        }

        if (error is null && format != Gs1InputFormat.EanUpc)
        {
            if (start < input.Length && input[start] == '(')
            {
                format = Gs1InputFormat.Bracketed;
                error = BracketedReader.Read(input, start, year, elements);
            }
            else
            {
                error = ElementStringReader.Read(input, start, year, elements, ref warnings);
            }
        }

        if (error is null && elements.Count == 0)
        {
            error = new Gs1Error(Gs1ErrorCode.Empty, null, input.Length, "no GS1 element strings in the data");
        }

        error ??= ElementRules.Check(elements, options.CheckAssociations, ref warnings);
        return new Gs1ParseResult(elements, error, aim, format, warnings, year);
    }

    /// <summary>
    /// Validates AI/value pairs that arrived some other way (e.g. from a GS1 Digital Link URI) with the same rules
    /// as scanned data, giving the same result type: forms, identifier or error. Error positions are list indexes.
    /// </summary>
    public static Gs1ParseResult FromElements(IEnumerable<(string Ai, string Value)> pairs, Gs1ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        var year = options.TimeProvider.GetUtcNow().Year;
        var elements = new List<Gs1Element>();
        List<Gs1Warning>? warnings = null;
        Gs1Error? error = null;
        var index = 0;
        foreach (var (ai, value) in pairs)
        {
            ArgumentNullException.ThrowIfNull(ai);
            ArgumentNullException.ThrowIfNull(value);
            if (!AiDictionary.TryGet(ai, out var definition))
            {
                error = new Gs1Error(Gs1ErrorCode.UnknownAi, ai, index, "is not a known Application Identifier");
                break;
            }

            error = AiValueValidator.Validate(definition, value, year) is { } invalid ? invalid with { Position = index } : null;
            if (error is not null)
            {
                break;
            }

            elements.Add(new Gs1Element(definition, value, index++));
        }

        if (error is null && elements.Count == 0)
        {
            error = new Gs1Error(Gs1ErrorCode.Empty, null, 0, "no elements");
        }

        error ??= ElementRules.Check(elements, options.CheckAssociations, ref warnings);
        return new Gs1ParseResult(elements, error, null, Gs1InputFormat.ElementList, warnings, year);
    }

    private static Gs1Error? ReadAim(ReadOnlySpan<char> input, out AimIdentifier identifier)
    {
        if (!AimIdentifier.TryParse(input, out identifier))
        {
            return new Gs1Error(Gs1ErrorCode.UnknownSymbologyIdentifier, null, 0,
                $"data starts with ']' but '{input[..Math.Min(3, input.Length)]}' is not an AIM symbology identifier");
        }

        if (!identifier.IsKnownSymbology)
        {
            return new Gs1Error(Gs1ErrorCode.UnknownSymbologyIdentifier, null, 0,
                $"{identifier} is not a symbology that carries GS1 data (expected ]d2, ]Q3, ]C1, ]e0, ]J1, ]E0 or ]E4)");
        }

        return identifier.IsGs1 ? null
            : new Gs1Error(Gs1ErrorCode.NotGs1Symbology, null, 0,
                $"{identifier} is a {identifier.Symbology} symbol without FNC1 in first position, so it carries no GS1 element strings");
    }

    private static Gs1Error? ReadEanUpc(ReadOnlySpan<char> data, AimIdentifier identifier, List<Gs1Element> elements)
    {
        var expected = identifier.Modifier == '4' ? "8" : "12 or 13";
        var lengthOk = identifier.Modifier == '4' ? data.Length == 8 : data.Length is 12 or 13;
        if (!lengthOk || !Gtin.TryNormalize(data, out var gtin14))
        {
            return new Gs1Error(Gs1ErrorCode.InvalidEanUpc, "01", 3,
                $"{identifier} data '{data}' is not a GTIN of {expected} digits with a valid check digit");
        }

        AiDictionary.TryGet("01", out var gtin);
        elements.Add(new Gs1Element(gtin!, gtin14, 3));
        return null;
    }
}
