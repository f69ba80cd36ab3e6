using System.Diagnostics.CodeAnalysis;

namespace TraceChain.Protocol.Gs1;

/// <summary>
/// The outcome of <see cref="Gs1Parser.Parse(string)"/>: the elements in order, their bracketed and unbracketed
/// forms, the symbology, the canonical identifier, or a structured error. Never thrown: check
/// <see cref="Success"/>.
/// </summary>
public sealed class Gs1ParseResult
{
    private static readonly IReadOnlyList<Gs1Warning> NoWarnings = [];
    private string? humanReadable;
    private string? elementString;
    private static readonly Gs1Identifier NoIdentifier = new(Gs1IdentifierKind.Gtin, string.Empty, null, null, null, null);
    private Gs1Identifier? identifier;
    private readonly List<Gs1Element> elements;

    internal Gs1ParseResult(
        List<Gs1Element> elements, Gs1Error? error, AimIdentifier? aim, Gs1InputFormat format,
        IReadOnlyList<Gs1Warning>? warnings, int referenceYear)
    {
        this.elements = elements;
        Error = error;
        Aim = aim;
        Format = format;
        Warnings = warnings ?? NoWarnings;
        ReferenceYear = referenceYear;
    }

    /// <summary>True when the input is valid GS1 data.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>Why the input was rejected, or null on success.</summary>
    public Gs1Error? Error { get; }

    /// <summary>The elements in input order (on failure: those read before the error).</summary>
    public IReadOnlyList<Gs1Element> Elements => elements;

    /// <summary>Tolerated deviations (unneeded separators, repeated AIs).</summary>
    public IReadOnlyList<Gs1Warning> Warnings { get; }

    /// <summary>The AIM symbology identifier, or null when the scanner sent none.</summary>
    public AimIdentifier? Aim { get; }

    /// <summary>The symbology named by the AIM identifier (<see cref="Symbology.Unknown"/> without one).</summary>
    public Symbology Symbology => Aim?.Symbology ?? Symbology.Unknown;

    /// <summary>How the input was written.</summary>
    public Gs1InputFormat Format { get; }

    /// <summary>The year the GS1 century rule used for dates.</summary>
    public int ReferenceYear { get; }

    /// <summary>Bracketed human-readable form, e.g. "(01)09506000134352(17)201225(10)ABC123".</summary>
    public string HumanReadable => humanReadable ??= Gs1Formatter.HumanReadable(Elements);

    /// <summary>Unbracketed element string with GS (0x1D) after every element that needs one, without AIM identifier.</summary>
    public string ElementString => elementString ??= Gs1Formatter.ElementString(Elements);

    /// <summary>
    /// The canonical identifier of the pack or logistic unit: SSCC (00), else GTIN + serial (01+21), else GTIN +
    /// batch (01+10), else GTIN (01); null on failure or when none of these AIs is present.
    /// </summary>
    public Gs1Identifier? Identifier
    {
        get
        {
            // One reference field, written once with the same value by any racing thread: safe without locks.
            var found = identifier ??= (Success ? Gs1Formatter.Identify(this) : null) ?? NoIdentifier;
            return ReferenceEquals(found, NoIdentifier) ? null : found;
        }
    }

    /// <summary>The value of the first occurrence of <paramref name="ai"/>, or null.</summary>
    public string? GetValue(string ai)
    {
        foreach (var element in elements)
        {
            if (string.Equals(element.Ai, ai, StringComparison.Ordinal))
            {
                return element.Value;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="ai"/> is present; gives its value.</summary>
    public bool TryGetValue(string ai, [NotNullWhen(true)] out string? value)
    {
        value = GetValue(ai);
        return value is not null;
    }

    /// <summary>
    /// The date in a YYMMDD AI (e.g. 17 expiry, 11 production), day 00 resolved to the end of the month; false
    /// when the AI is absent or not a date.
    /// </summary>
    public bool TryGetDate(string ai, out DateOnly date)
    {
        date = default;
        return GetValue(ai) is { } value && AiDictionary.TryGet(ai, out var definition) && definition.IsDate
            && Gs1Date.TryParse(value.AsSpan(0, 6), ReferenceYear, allowDayZero: true, out date);
    }

    /// <inheritdoc />
    public override string ToString() => Success ? HumanReadable : Error.Message;
}
