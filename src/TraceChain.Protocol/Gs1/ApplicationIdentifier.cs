namespace TraceChain.Protocol.Gs1;

/// <summary>
/// The definition of one GS1 Application Identifier, as in the GS1 Barcode Syntax Dictionary:
/// its data format, character set, check digit, separator rule, associations and Digital Link role.
/// </summary>
public sealed record ApplicationIdentifier
{
    /// <summary>The AI digits, e.g. "01" or "3103".</summary>
    public required string Ai { get; init; }

    /// <summary>The data title, e.g. "GTIN" or "BATCH/LOT".</summary>
    public required string Title { get; init; }

    /// <summary>The data field components in order.</summary>
    public required IReadOnlyList<AiComponent> Components { get; init; }

    /// <summary>
    /// True when the AI's two-digit prefix is in the GS1 predefined-length table (00-04, 11-20, 31-36, 41), so no
    /// FNC1/GS follows its value. Every other AI needs a GS before the next element, even when its format is fixed.
    /// </summary>
    public required bool IsPredefinedLength { get; init; }

    /// <summary>How the AI appears in a GS1 Digital Link URI.</summary>
    public required DigitalLinkRole DigitalLinkRole { get; init; }

    /// <summary>
    /// For a primary key: the allowed ordered qualifier sequences (each optional element-wise), e.g. for 01:
    /// [22, 10, 21] or [235]. Empty for other AIs and for keys that take no qualifiers.
    /// </summary>
    public required IReadOnlyList<IReadOnlyList<string>> DigitalLinkQualifiers { get; init; }

    /// <summary>
    /// Mandatory associations: every group must be satisfied by at least one AI present that matches one of its
    /// patterns ('n' matches any digit, e.g. "31nn").
    /// </summary>
    public required IReadOnlyList<IReadOnlyList<string>> Requires { get; init; }

    /// <summary>Patterns of AIs that must not appear together with this one ('n' matches any digit).</summary>
    public required IReadOnlyList<string> Excludes { get; init; }

    /// <summary>Fewest characters in the value.</summary>
    public int MinLength { get; init; }

    /// <summary>Most characters in the value.</summary>
    public int MaxLength { get; init; }

    /// <summary>The widest character set used by the value (numeric unless a component is alphanumeric).</summary>
    public Gs1CharSet CharSet { get; init; }

    /// <summary>True when a component ends with a GS1 mod-10 check digit (GTIN, SSCC, GLN, GDTI, ...).</summary>
    public bool HasCheckDigit { get; init; }

    /// <summary>True when the value is, or starts with, a YYMMDD date.</summary>
    public bool IsDate { get; init; }

    /// <summary>True when a GS (FNC1) must follow the value unless it ends the data.</summary>
    public bool RequiresSeparator => !IsPredefinedLength;

    /// <summary>True when the value always has the same length.</summary>
    public bool IsFixedLength => MinLength == MaxLength;

    /// <summary>The format in General Specifications notation, e.g. "N14", "X..20", "N13+[X..17]".</summary>
    public required string Format { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"({Ai}) {Title} {Format}";
}
