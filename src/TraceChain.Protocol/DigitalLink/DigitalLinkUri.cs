using System.Diagnostics.CodeAnalysis;
using System.Text;
using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.DigitalLink;

/// <summary>
/// An uncompressed GS1 Digital Link URI: a stem (scheme, host and any path of the owner's own), a primary key with its
/// key qualifiers in the path, and data attributes in the query string, e.g.
/// <c>https://id.example.org/01/09506000134352/10/ABC/21/123?17=261231</c>.
/// Only numeric AIs are read and written (convenience alphas such as <c>/gtin/</c> are deprecated by GS1).
/// Equality is by the canonical URI (<see cref="ToString"/>).
/// </summary>
public sealed class DigitalLinkUri : IEquatable<DigitalLinkUri>
{
    private readonly string _uri;

    internal DigitalLinkUri(
        string stem,
        DigitalLinkElement primaryKey,
        IReadOnlyList<DigitalLinkElement> keyQualifiers,
        IReadOnlyList<DigitalLinkElement> attributes,
        IReadOnlyList<KeyValuePair<string, string>> otherParameters)
    {
        Stem = stem;
        PrimaryKey = primaryKey;
        KeyQualifiers = keyQualifiers;
        Attributes = attributes;
        OtherParameters = otherParameters;
        _uri = Write();
    }

    /// <summary>Scheme, host and path stem, without a trailing slash: <c>https://id.example.org/some/stem</c>.</summary>
    public string Stem { get; }

    /// <summary>The primary key, first in the path: (01) GTIN, (00) SSCC, (414) GLN, ...</summary>
    public DigitalLinkElement PrimaryKey { get; }

    /// <summary>The key qualifiers that follow the key in the path, in order (for a GTIN: 22, 10, 21).</summary>
    public IReadOnlyList<DigitalLinkElement> KeyQualifiers { get; }

    /// <summary>The GS1 data attributes of the query string, in the order given.</summary>
    public IReadOnlyList<DigitalLinkElement> Attributes { get; }

    /// <summary>Query parameters that are not GS1 data (<c>linkType=all</c>), still percent-encoded; singletons have an empty value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OtherParameters { get; }

    /// <summary>Every AI: the key, its qualifiers, then the attributes.</summary>
    public IReadOnlyList<DigitalLinkElement> Elements => [PrimaryKey, .. KeyQualifiers, .. Attributes];

    /// <summary>
    /// Parses a Digital Link URI. <paramref name="options"/> gives the clock whose year resolves two-digit years in
    /// date AIs (GS1 century rule) and whether the rules between AIs (17 needs 01 ...) are checked.
    /// </summary>
    public static bool TryParse(
        string? uri,
        Gs1ParseOptions options,
        [NotNullWhen(true)] out DigitalLinkUri? link,
        [NotNullWhen(false)] out DigitalLinkError? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        error = DigitalLinkParser.Parse(uri, options, out link);
        return error is null;
    }

    /// <summary>Parses a Digital Link URI with <see cref="Gs1ParseOptions.Default"/>.</summary>
    public static bool TryParse(
        string? uri,
        [NotNullWhen(true)] out DigitalLinkUri? link,
        [NotNullWhen(false)] out DigitalLinkError? error) => TryParse(uri, Gs1ParseOptions.Default, out link, out error);

    /// <summary>Parses a Digital Link URI; throws <see cref="FormatException"/> naming the problem.</summary>
    public static DigitalLinkUri Parse(string uri, Gs1ParseOptions? options = null) =>
        TryParse(uri, options ?? Gs1ParseOptions.Default, out var link, out var error) ? link : throw new FormatException(error.Message);

    /// <summary>
    /// Builds the Digital Link for GS1 elements on <paramref name="stem"/> (<c>https://id.example.org</c>, optionally with
    /// a path): the first primary-key AI becomes the key, the qualifiers present go into the path in the key's order
    /// and every other AI into the query string in the order given. An AI repeated with the same value is written once.
    /// </summary>
    public static bool TryCreate(
        string stem,
        IEnumerable<DigitalLinkElement> elements,
        Gs1ParseOptions options,
        [NotNullWhen(true)] out DigitalLinkUri? link,
        [NotNullWhen(false)] out DigitalLinkError? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        error = DigitalLinkWriter.Create(stem, elements, options, out link);
        return error is null;
    }

    /// <summary>
    /// Builds the Digital Link for a successfully parsed element string (see
    /// <see cref="TryCreate(string, IEnumerable{DigitalLinkElement}, Gs1ParseOptions, out DigitalLinkUri?, out DigitalLinkError?)"/>),
    /// resolving dates with the parse's reference year.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="parsed"/> is a failed parse: there is nothing to link to.</exception>
    public static bool TryCreate(
        string stem,
        Gs1ParseResult parsed,
        [NotNullWhen(true)] out DigitalLinkUri? link,
        [NotNullWhen(false)] out DigitalLinkError? error)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (!parsed.Success)
        {
            throw new ArgumentException($"The element string was not valid: {parsed.Error.Message}", nameof(parsed));
        }

        var clock = new YearClock(parsed.ReferenceYear);
        return TryCreate(stem, parsed.Elements.Select(e => new DigitalLinkElement(e.Ai, e.Value)), new Gs1ParseOptions { TimeProvider = clock }, out link, out error);
    }

    /// <summary>As <see cref="TryCreate(string, IEnumerable{DigitalLinkElement}, Gs1ParseOptions, out DigitalLinkUri?, out DigitalLinkError?)"/>; throws <see cref="ArgumentException"/> naming the problem.</summary>
    public static DigitalLinkUri Create(string stem, IEnumerable<DigitalLinkElement> elements, Gs1ParseOptions? options = null) =>
        TryCreate(stem, elements, options ?? Gs1ParseOptions.Default, out var link, out var error) ? link : throw new ArgumentException(error.Message, nameof(elements));

    /// <summary>
    /// The GS1 element string this Digital Link stands for, parsed by <see cref="Gs1Parser"/>: HRI, element string with
    /// GS separators and the canonical identifier. Elements come in URI order (key, qualifiers, attributes).
    /// </summary>
    public Gs1ParseResult ToGs1(Gs1ParseOptions? options = null) =>
        Gs1Parser.FromElements(Elements.Select(e => (e.Ai, e.Value)), options ?? Gs1ParseOptions.Default);

    /// <summary>The value of <paramref name="ai"/>, wherever it is in the URI, or null.</summary>
    public string? GetValue(string ai) => Elements.FirstOrDefault(e => e.Ai == ai)?.Value;

    /// <summary>The canonical URI: values percent-encoded, GS1 attributes first and other parameters after them.</summary>
    public override string ToString() => _uri;

    /// <inheritdoc/>
    public bool Equals(DigitalLinkUri? other) => other is not null && string.Equals(_uri, other._uri, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DigitalLinkUri);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_uri);

    private string Write()
    {
        var builder = new StringBuilder(Stem);
        foreach (var element in Elements.Take(1 + KeyQualifiers.Count))
        {
            builder.Append('/').Append(element.Ai).Append('/').Append(UriComponentCodec.Encode(element.Value, isQuery: false));
        }

        var separator = '?';
        foreach (var attribute in Attributes)
        {
            builder.Append(separator).Append(attribute.Ai).Append('=').Append(UriComponentCodec.Encode(attribute.Value, isQuery: true));
            separator = '&';
        }

        foreach (var (name, value) in OtherParameters)
        {
            builder.Append(separator).Append(name);
            if (value.Length > 0)
            {
                builder.Append('=').Append(value);
            }

            separator = '&';
        }

        return builder.ToString();
    }
}
