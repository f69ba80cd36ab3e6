using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.DigitalLink;

/// <summary>Builds a Digital Link from GS1 elements, placing each AI as the URI syntax requires.</summary>
internal static class DigitalLinkWriter
{
    public static DigitalLinkError? Create(string stem, IEnumerable<DigitalLinkElement> elements, Gs1ParseOptions options, out DigitalLinkUri? link)
    {
        ArgumentNullException.ThrowIfNull(stem);
        ArgumentNullException.ThrowIfNull(elements);
        var referenceYear = options.TimeProvider.GetUtcNow().Year;
        link = null;
        var stemError = CheckStem(stem.Trim(), out var cleanStem);
        if (stemError is not null)
        {
            return stemError;
        }

        var checkedElements = new List<(ApplicationIdentifier Definition, DigitalLinkElement Element)>();
        foreach (var element in elements)
        {
            if (!AiDictionary.TryGet(element.Ai, out var definition))
            {
                return new DigitalLinkError(DigitalLinkErrorKind.UnknownAi, $"'{element.Ai}' is not a GS1 Application Identifier.", element.Ai);
            }

            var earlier = checkedElements.FindIndex(c => c.Element.Ai == element.Ai);
            if (earlier >= 0 && checkedElements[earlier].Element.Value == element.Value)
            {
                continue; // an element string may repeat an AI with the same value; a URI carries it once
            }

            if (earlier >= 0)
            {
                return new DigitalLinkError(
                    DigitalLinkErrorKind.DuplicateAi,
                    $"AI ({element.Ai}) is given twice with different values '{checkedElements[earlier].Element.Value}' and '{element.Value}'.",
                    element.Ai);
            }

            var value = element.Value;
            var error = DigitalLinkRules.CheckValue(definition, ref value, referenceYear, padShortGtin: true);
            if (error is not null)
            {
                return error;
            }

            checkedElements.Add((definition, new DigitalLinkElement(definition.Ai, value)));
        }

        var keyIndex = checkedElements.FindIndex(c => c.Definition.DigitalLinkRole == DigitalLinkRole.PrimaryKey);
        if (keyIndex < 0)
        {
            return new DigitalLinkError(
                DigitalLinkErrorKind.NoPrimaryKey,
                "None of the AIs is a Digital Link primary key (such as 01 GTIN, 00 SSCC or 414 GLN).");
        }

        var key = checkedElements[keyIndex];
        var present = checkedElements.Select(c => c.Element.Ai).ToHashSet();

        // The key's qualifier sequence that covers most of the AIs present decides the path (GS1 engine rule); among
        // equals, one that leaves no stray qualifier for the query string wins (01 with 235 and 10: 235 in the path).
        var candidates = key.Definition.DigitalLinkQualifiers
            .Select(sequence => sequence.Where(present.Contains).ToList())
            .DefaultIfEmpty([])
            .OrderByDescending(q => q.Count)
            .ToList();
        var path = candidates.FirstOrDefault(q => Leftovers(checkedElements, key.Element.Ai, q).All(c => DigitalLinkRules.MayBeAttribute(c.Definition)))
            ?? candidates[0];
        var stray = Leftovers(checkedElements, key.Element.Ai, path).FirstOrDefault(c => !DigitalLinkRules.MayBeAttribute(c.Definition));
        if (stray.Definition is not null)
        {
            return new DigitalLinkError(
                DigitalLinkErrorKind.NotADataAttribute,
                $"AI ({stray.Definition.Ai}) {stray.Definition.Title} is a key qualifier that does not fit ({key.Element.Ai}) here, and it cannot be a query attribute.",
                stray.Definition.Ai);
        }

        var qualifiers = path.Select(ai => checkedElements.First(c => c.Element.Ai == ai).Element).ToList();
        var attributes = Leftovers(checkedElements, key.Element.Ai, path).Select(c => c.Element).ToList();
        var combinationError = DigitalLinkRules.CheckCombination(checkedElements.Select(c => c.Element), options);
        if (combinationError is not null)
        {
            return combinationError;
        }

        link = new DigitalLinkUri(cleanStem!, key.Element, qualifiers, attributes, []);
        return null;
    }

    private static IEnumerable<(ApplicationIdentifier Definition, DigitalLinkElement Element)> Leftovers(
        List<(ApplicationIdentifier Definition, DigitalLinkElement Element)> elements,
        string keyAi,
        List<string> path) =>
        elements.Where(c => c.Element.Ai != keyAi && !path.Contains(c.Element.Ai));

    private static DigitalLinkError? CheckStem(string stem, out string? clean)
    {
        clean = null;
        var schemeEnd = stem.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? string.Empty : stem[..schemeEnd];
        if (scheme is not ("http" or "https" or "HTTP" or "HTTPS"))
        {
            return new DigitalLinkError(DigitalLinkErrorKind.UnsupportedScheme, DigitalLinkParser.DescribeBadScheme(scheme, schemeEnd >= 0));
        }

        if (stem.AsSpan().IndexOfAny("?#") >= 0 || stem.Any(c => c <= ' ' || c >= '\u007F'))
        {
            return new DigitalLinkError(DigitalLinkErrorKind.IllegalCharacter, $"The stem '{stem}' must be scheme, host and path only: no query, fragment, spaces or non-ASCII characters.");
        }

        var rest = stem[(schemeEnd + 3)..].TrimEnd('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var hostError = DigitalLinkParser.CheckHost(slash < 0 ? rest : rest[..slash]);
        if (hostError is not null)
        {
            return hostError;
        }

        clean = $"{scheme}://{rest}";
        return null;
    }
}
