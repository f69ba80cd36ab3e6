using System.Buffers;
using System.Globalization;
using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.DigitalLink;

/// <summary>Reads an uncompressed GS1 Digital Link URI; the rules are listed in docs/codes.md.</summary>
internal static class DigitalLinkParser
{
    private static readonly SearchValues<char> UriCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%");

    private static readonly SearchValues<char> BadHostCharacters = SearchValues.Create("_~?#@!$&'()*+,;=%");

    public static DigitalLinkError? Parse(string? text, Gs1ParseOptions options, out DigitalLinkUri? link)
    {
        var referenceYear = options.TimeProvider.GetUtcNow().Year;
        link = null;
        var uri = (text ?? string.Empty).Trim();
        if (uri.Length == 0)
        {
            return Error(DigitalLinkErrorKind.Empty, "The Digital Link URI is empty.");
        }

        var bad = uri.AsSpan().IndexOfAnyExcept(UriCharacters);
        if (bad >= 0)
        {
            return Error(
                DigitalLinkErrorKind.IllegalCharacter,
                string.Create(CultureInfo.InvariantCulture, $"Character {bad + 1} of the URI, {Describe(uri[bad])}, may not appear in a URI; percent-encode it."));
        }

        var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? string.Empty : uri[..schemeEnd];
        if (scheme is not ("http" or "https" or "HTTP" or "HTTPS"))
        {
            return Error(DigitalLinkErrorKind.UnsupportedScheme, DescribeBadScheme(scheme, schemeEnd >= 0));
        }

        var rest = uri[(schemeEnd + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var hostError = CheckHost(authority);
        if (hostError is not null)
        {
            return hostError;
        }

        rest = authorityEnd < 0 ? string.Empty : rest[authorityEnd..];
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            rest = rest[..hash]; // the fragment is for the client, never GS1 data
        }

        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rest : rest[..question];
        var query = question < 0 ? string.Empty : rest[(question + 1)..];

        var pathError = ReadPath(path, referenceYear, out var stemPath, out var key, out var qualifiers);
        if (pathError is not null)
        {
            return pathError;
        }

        var queryError = ReadQuery(query, key!, qualifiers!, referenceYear, out var attributes, out var others);
        if (queryError is not null)
        {
            return queryError;
        }

        var combinationError = DigitalLinkRules.CheckCombination([key!, .. qualifiers!, .. attributes!], options);
        if (combinationError is not null)
        {
            return combinationError;
        }

        link = new DigitalLinkUri($"{scheme}://{authority}{stemPath}", key!, qualifiers!, attributes!, others!);
        return null;
    }

    /// <summary>Checks a host (with optional port) the way GS1 does: by its characters, not by DNS rules.</summary>
    internal static DigitalLinkError? CheckHost(string authority)
    {
        if (authority.Length == 0)
        {
            return Error(DigitalLinkErrorKind.InvalidHost, "The URI has no host: expected https://{domain}/...");
        }

        if (authority.Contains('@', StringComparison.Ordinal))
        {
            return Error(DigitalLinkErrorKind.InvalidHost, $"The host '{authority}' contains user information ('@'), which a Digital Link may not carry.");
        }

        var bad = authority.AsSpan().IndexOfAny(BadHostCharacters);
        return bad < 0
            ? null
            : Error(DigitalLinkErrorKind.InvalidHost, $"The host '{authority}' contains '{authority[bad]}', which a domain name cannot have.");
    }

    internal static string DescribeBadScheme(string scheme, bool hasSeparator)
    {
        if (!hasSeparator)
        {
            return "A Digital Link starts with https:// or http://.";
        }

        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            ? $"The scheme '{scheme}' mixes upper and lower case: write it '{scheme.ToLowerInvariant()}' (all capitals is also accepted)."
            : $"The scheme '{scheme}' is not allowed: a Digital Link uses https (or http).";
    }

    private static DigitalLinkError? ReadPath(
        string path,
        int referenceYear,
        out string stemPath,
        out DigitalLinkElement? key,
        out List<DigitalLinkElement>? qualifiers)
    {
        stemPath = string.Empty;
        key = null;
        qualifiers = null;
        if (path.Length > 1 && path.EndsWith('/'))
        {
            return Error(DigitalLinkErrorKind.MalformedPath, $"The path '{path}' ends with '/': remove it.");
        }

        var segments = path.Length == 0 ? [] : path[1..].Split('/');

        // The primary key is the rightmost /AI/value pair whose AI is a key: the stem before it may hold anything.
        var root = -1;
        for (var i = segments.Length - 2; i >= 0; i -= 2)
        {
            if (!AiDictionary.TryGet(segments[i], out var definition))
            {
                break;
            }

            if (definition.DigitalLinkRole == DigitalLinkRole.PrimaryKey)
            {
                root = i;
                break;
            }
        }

        if (root < 0)
        {
            return DescribeMissingRoot(path, segments);
        }

        stemPath = root == 0 ? string.Empty : "/" + string.Join('/', segments[..root]);
        var elements = new List<DigitalLinkElement>();
        ApplicationIdentifier? keyDefinition = null;
        for (var i = root; i < segments.Length; i += 2)
        {
            AiDictionary.TryGet(segments[i], out var definition);
            keyDefinition ??= definition;
            var error = ReadValue(definition!, segments[i + 1], isQuery: false, referenceYear, out var value);
            if (error is not null)
            {
                return error;
            }

            if (elements.Any(e => e.Ai == definition!.Ai))
            {
                return Error(DigitalLinkErrorKind.DuplicateAi, $"AI ({definition!.Ai}) appears twice in the path.", definition.Ai);
            }

            elements.Add(new DigitalLinkElement(definition!.Ai, value!));
        }

        var qualifierAis = elements.Skip(1).Select(e => e.Ai).ToList();
        var sequenceError = CheckQualifiers(keyDefinition!, qualifierAis);
        if (sequenceError is not null)
        {
            return sequenceError;
        }

        key = elements[0];
        qualifiers = elements.Skip(1).ToList();
        return null;
    }

    private static DigitalLinkError DescribeMissingRoot(string path, string[] segments)
    {
        var strayKey = Array.FindLastIndex(segments, s => DigitalLinkRules.IsPrimaryKey(s, out _));
        if (strayKey < 0)
        {
            return Error(
                DigitalLinkErrorKind.NoPrimaryKey,
                $"The path '{(path.Length == 0 ? "/" : path)}' holds no GS1 primary key: a Digital Link path ends with /{{key AI}}/{{value}}, e.g. /01/09506000134352.");
        }

        if ((segments.Length - strayKey) % 2 != 0)
        {
            return Error(DigitalLinkErrorKind.MalformedPath, $"After the primary key ({segments[strayKey]}) the path '{path}' must be /AI/value pairs; an AI or a value is missing.");
        }

        var unknown = Enumerable.Range(0, (segments.Length - strayKey) / 2)
            .Select(pair => segments[strayKey + (2 * pair)])
            .First(ai => !AiDictionary.TryGet(ai, out _));
        return Error(DigitalLinkErrorKind.UnknownAi, $"Path segment '{unknown}' after the primary key ({segments[strayKey]}) is not a GS1 Application Identifier.", unknown);
    }

    private static DigitalLinkError? CheckQualifiers(ApplicationIdentifier key, List<string> qualifierAis)
    {
        if (DigitalLinkRules.IsValidQualifierSequence(key, qualifierAis))
        {
            return null;
        }

        var sequences = DigitalLinkRules.DescribeSequences(key);
        if (DigitalLinkRules.FitsIgnoringOrder(key, qualifierAis))
        {
            return Error(
                DigitalLinkErrorKind.QualifierOutOfOrder,
                $"Key qualifiers of ({key.Ai}) go in the order {sequences}, but the path has {string.Join(", ", qualifierAis)}.",
                key.Ai);
        }

        var stray = qualifierAis.First(q => !key.DigitalLinkQualifiers.Any(s => s.Contains(q)));
        return Error(
            DigitalLinkErrorKind.NotAKeyQualifier,
            $"AI ({stray}) is not a key qualifier of ({key.Ai}) (its qualifiers: {sequences}); a data attribute goes in the query string, e.g. ?{stray}=...",
            stray);
    }

    private static DigitalLinkError? ReadQuery(
        string query,
        DigitalLinkElement key,
        List<DigitalLinkElement> qualifiers,
        int referenceYear,
        out List<DigitalLinkElement>? attributes,
        out List<KeyValuePair<string, string>>? others)
    {
        attributes = [];
        others = [];
        AiDictionary.TryGet(key.Ai, out var keyDefinition);
        var pathAis = qualifiers.Select(q => q.Ai).ToList();
        foreach (var parameter in query.Split('&', ';'))
        {
            if (parameter.Length == 0)
            {
                continue;
            }

            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? parameter : parameter[..equals];
            if (equals < 0 || name.Length == 0 || !name.All(char.IsAsciiDigit))
            {
                // Not GS1 data (linkType=..., campaign tags, singletons): kept for the resolver, never validated.
                others.Add(new KeyValuePair<string, string>(name, equals < 0 ? string.Empty : parameter[(equals + 1)..]));
                continue;
            }

            if (!AiDictionary.TryGet(name, out var definition))
            {
                return Error(DigitalLinkErrorKind.UnknownAi, $"Query parameter '{name}' is numeric but not a GS1 Application Identifier.", name);
            }

            if (definition.Ai == key.Ai || qualifiers.Any(q => q.Ai == definition.Ai) || attributes.Any(a => a.Ai == definition.Ai))
            {
                return Error(DigitalLinkErrorKind.DuplicateAi, $"AI ({definition.Ai}) appears more than once in the URI.", definition.Ai);
            }

            if (DigitalLinkRules.BelongsInPath(keyDefinition!, pathAis, definition.Ai))
            {
                return Error(
                    DigitalLinkErrorKind.BelongsInPath,
                    $"AI ({definition.Ai}) is a key qualifier of ({key.Ai}): put it in the path as /{definition.Ai}/..., not in the query string.",
                    definition.Ai);
            }

            if (!DigitalLinkRules.MayBeAttribute(definition))
            {
                return Error(
                    DigitalLinkErrorKind.NotADataAttribute,
                    $"AI ({definition.Ai}) {definition.Title} is a key qualifier, not a data attribute: it can only follow its key in the path.",
                    definition.Ai);
            }

            var error = ReadValue(definition, parameter[(equals + 1)..], isQuery: true, referenceYear, out var value);
            if (error is not null)
            {
                return error;
            }

            attributes.Add(new DigitalLinkElement(definition.Ai, value!));
        }

        return null;
    }

    private static DigitalLinkError? ReadValue(ApplicationIdentifier definition, string encoded, bool isQuery, int referenceYear, out string? value)
    {
        value = UriComponentCodec.Decode(encoded, isQuery, out var problem);
        if (value is null)
        {
            return Error(DigitalLinkErrorKind.MalformedPercentEncoding, $"AI ({definition.Ai}): {problem}.", definition.Ai);
        }

        return DigitalLinkRules.CheckValue(definition, ref value, referenceYear, padShortGtin: isQuery);
    }

    private static string Describe(char c) =>
        c is > ' ' and < '\u007F'
            ? $"'{c}'"
            : string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}") + c switch { ' ' => " (space)", '\u001D' => " (GS)", _ => string.Empty };

    private static DigitalLinkError Error(DigitalLinkErrorKind kind, string message, string? ai = null) => new(kind, message, ai);
}
