using System.Diagnostics.CodeAnalysis;
using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.DigitalLink;

/// <summary>The Digital Link placement rules shared by the parser and the writer; the AI facts come from <see cref="AiDictionary"/>.</summary>
internal static class DigitalLinkRules
{
    // Key qualifiers that the Digital Link grammar also lists as query attributes (lot-code and refno-code).
    private static readonly string[] QualifiersAlsoAttributes = ["10", "8020"];

    public static bool IsPrimaryKey(string ai, [NotNullWhen(true)] out ApplicationIdentifier? definition) =>
        AiDictionary.TryGet(ai, out definition) && definition.DigitalLinkRole == DigitalLinkRole.PrimaryKey;

    public static bool MayBeAttribute(ApplicationIdentifier definition) =>
        definition.DigitalLinkRole != DigitalLinkRole.Qualifier || QualifiersAlsoAttributes.Contains(definition.Ai);

    /// <summary>Whether the qualifiers, in this order, fit one of the key's qualifier sequences.</summary>
    public static bool IsValidQualifierSequence(ApplicationIdentifier key, IReadOnlyList<string> qualifiers) =>
        qualifiers.Count == 0 || key.DigitalLinkQualifiers.Any(sequence => IsOrderedSubset(qualifiers, sequence));

    /// <summary>Whether the qualifiers fit a sequence of the key if their order is ignored.</summary>
    public static bool FitsIgnoringOrder(ApplicationIdentifier key, IReadOnlyList<string> qualifiers) =>
        key.DigitalLinkQualifiers.Any(sequence => qualifiers.All(sequence.Contains));

    /// <summary>Whether <paramref name="ai"/> could stand in the path after the key and the qualifiers already there.</summary>
    public static bool BelongsInPath(ApplicationIdentifier key, IReadOnlyList<string> pathQualifiers, string ai)
    {
        for (var at = 0; at <= pathQualifiers.Count; at++)
        {
            var trial = pathQualifiers.Take(at).Append(ai).Concat(pathQualifiers.Skip(at)).ToList();
            if (IsValidQualifierSequence(key, trial))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Validates a decoded value with the GS1 AI validator. A GTIN-8/12/13 in AI (01) is padded to 14 digits when
    /// <paramref name="padShortGtin"/> (query attributes, as GS1's engine does) and refused with the padded form otherwise.
    /// </summary>
    public static DigitalLinkError? CheckValue(ApplicationIdentifier definition, ref string value, int referenceYear, bool padShortGtin)
    {
        if (value.Length == 0)
        {
            return new DigitalLinkError(DigitalLinkErrorKind.EmptyValue, $"AI ({definition.Ai}) {definition.Title} has no value.", definition.Ai);
        }

        if (definition.Ai == "01" && value.Length is 8 or 12 or 13 && Gtin.TryNormalize(value, out var gtin14))
        {
            if (!padShortGtin)
            {
                return new DigitalLinkError(
                    DigitalLinkErrorKind.InvalidValue,
                    $"AI (01) GTIN in a Digital Link path must have 14 digits: write {gtin14} instead of {value}.",
                    "01");
            }

            value = gtin14;
        }

        var error = AiValueValidator.Validate(definition, value, referenceYear);
        return error is null
            ? null
            : new DigitalLinkError(
                DigitalLinkErrorKind.InvalidValue,
                $"AI ({definition.Ai}) {definition.Title} value '{value}' is invalid: {error.Detail}.",
                definition.Ai);
    }

    /// <summary>
    /// The rules between AIs (repeats, mandatory associations, invalid pairings) exactly as the GS1 parser applies
    /// them to an element string, so that a Digital Link and the element string it stands for are valid together.
    /// </summary>
    public static DigitalLinkError? CheckCombination(IEnumerable<DigitalLinkElement> elements, Gs1ParseOptions options)
    {
        var result = Gs1Parser.FromElements(elements.Select(e => (e.Ai, e.Value)), options);
        return result.Success
            ? null
            : new DigitalLinkError(DigitalLinkErrorKind.InvalidCombination, $"AI ({result.Error.Ai}) {result.Error.Detail}.", result.Error.Ai);
    }

    public static string DescribeSequences(ApplicationIdentifier key) =>
        key.DigitalLinkQualifiers.Count == 0
            ? "none"
            : string.Join(" or ", key.DigitalLinkQualifiers.Select(s => string.Join(", ", s)));

    private static bool IsOrderedSubset(IReadOnlyList<string> items, IReadOnlyList<string> sequence)
    {
        var next = 0;
        foreach (var item in items)
        {
            while (next < sequence.Count && sequence[next] != item)
            {
                next++;
            }

            if (next == sequence.Count)
            {
                return false;
            }

            next++;
        }

        return true;
    }
}
