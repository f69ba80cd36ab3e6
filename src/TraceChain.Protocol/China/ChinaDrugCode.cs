using System.Diagnostics.CodeAnalysis;
using TraceChain.Protocol.Text;

namespace TraceChain.Protocol.China;

/// <summary>
/// The Chinese 20-digit drug traceability code (药品追溯码), printed as a Code 128 symbol:
/// a 7-digit product resource code, a 9-digit serial number and a 4-digit check value.
/// The check value's algorithm is not public, so only the structure is validated: the code is accepted when
/// exactly 20 ASCII digits remain after normalisation. A pack identifier on its own, like a GTIN + serial.
/// </summary>
public sealed record ChinaDrugCode
{
    /// <summary>Number of digits in a code.</summary>
    public const int Length = 20;

    /// <summary>Digits in the product resource code (identifies the product and pack level).</summary>
    public const int ProductResourceCodeLength = 7;

    /// <summary>Digits in the serial number.</summary>
    public const int SerialNumberLength = 9;

    /// <summary>Digits in the check value.</summary>
    public const int CheckValueLength = 4;

    private const string What = "China drug traceability code";

    private ChinaDrugCode(string canonical)
    {
        Canonical = canonical;
        ProductResourceCode = canonical[..ProductResourceCodeLength];
        SerialNumber = canonical.Substring(ProductResourceCodeLength, SerialNumberLength);
        CheckValue = canonical[(ProductResourceCodeLength + SerialNumberLength)..];
    }

    /// <summary>The first 7 digits: the product resource code.</summary>
    public string ProductResourceCode { get; }

    /// <summary>Digits 8–16: the pack's serial number.</summary>
    public string SerialNumber { get; }

    /// <summary>The last 4 digits: the check value (not verified; its algorithm is not published).</summary>
    public string CheckValue { get; }

    /// <summary>The canonical form: the 20 ASCII digits, nothing else.</summary>
    public string Canonical { get; }

    /// <summary>Parses a scanned or typed code; throws <see cref="FormatException"/> naming the problem.</summary>
    public static ChinaDrugCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var code, out var error) ? code : throw new FormatException(error.Message);
    }

    /// <summary>
    /// Parses a scanned or typed code. Accepts surrounding whitespace, spaces and dashes between digits,
    /// full-width digits, and a leading AIM symbology identifier <c>]C0</c> or <c>]C1</c> (Code 128) from a scanner.
    /// </summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out ChinaDrugCode? code,
        [NotNullWhen(false)] out CodeInputError? error)
    {
        code = null;
        var span = (text ?? string.Empty).AsSpan().Trim();
        if (span.StartsWith("]C0", StringComparison.Ordinal) || span.StartsWith("]C1", StringComparison.Ordinal))
        {
            span = span[3..];
        }

        var normalized = TypedDigits.Normalize(span);
        error = TypedDigits.CheckDigits(normalized, Length, What);
        if (error is not null)
        {
            return false;
        }

        code = new ChinaDrugCode(normalized);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> parses as a China drug traceability code.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _, out _);

    /// <inheritdoc/>
    public override string ToString() => Canonical;

    /// <inheritdoc/>
    public bool Equals(ChinaDrugCode? other) => other is not null && string.Equals(Canonical, other.Canonical, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);
}
