using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Hops;

/// <summary>
/// Canonical text forms of the identifiers a hop names. Exactly one spelling per item, so equal items give equal
/// bytes in the log:
/// <list type="bullet">
/// <item><c>gtin:{14 digits}:ser:{serial}</c>: a serialised pack (GS1 AI 01 + AI 21); the GTIN is padded to 14
/// digits with a valid check digit; the serial is 1-20 characters of GS1 CSET 82.</item>
/// <item><c>sscc:{18 digits}</c>: a logistic unit (case, pallet; AI 00) with a valid check digit.</item>
/// <item><c>cn:{20 digits}</c>: a Chinese drug traceability code (药品追溯码).</item>
/// </list>
/// </summary>
public static class PackIdentifier
{
    private const string GtinPrefix = "gtin:";
    private const string SerialInfix = ":ser:";
    private const string SsccPrefix = "sscc:";
    private const string ChinaPrefix = "cn:";

    /// <summary>Canonical form of a GTIN (8, 12, 13 or 14 digits) plus serial; throws <see cref="FormatException"/> naming the problem.</summary>
    public static string ForGtinSerial(string gtin, string serial)
    {
        ArgumentNullException.ThrowIfNull(gtin);
        var id = GtinPrefix + gtin.PadLeft(14, '0') + SerialInfix + serial;
        return gtin.Length is 8 or 12 or 13 or 14 ? Require(id) : throw new FormatException($"GTIN '{gtin}' must have 8, 12, 13 or 14 digits.");
    }

    /// <summary>Canonical form of an 18-digit SSCC; throws <see cref="FormatException"/> naming the problem.</summary>
    public static string ForSscc(string sscc) => Require(SsccPrefix + sscc);

    /// <summary>Canonical form of a 20-digit Chinese drug traceability code; throws <see cref="FormatException"/> naming the problem.</summary>
    public static string ForChinaCode(string code) => Require(ChinaPrefix + code);

    /// <summary>True when <paramref name="identifier"/> is a canonical SSCC identifier.</summary>
    public static bool IsSscc(string identifier) => identifier.StartsWith(SsccPrefix, StringComparison.Ordinal) && Problem(identifier) is null;

    /// <summary>Null when <paramref name="identifier"/> is canonical, else what is wrong with it.</summary>
    public static string? Problem(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return "identifier is empty";
        }

        var id = identifier.AsSpan();
        if (id.StartsWith(GtinPrefix, StringComparison.Ordinal))
        {
            var rest = id[GtinPrefix.Length..];
            if (rest.Length < 14 || !IsDigits(rest[..14], 14))
            {
                return $"'{identifier}': GTIN must be 14 digits";
            }

            if (!CheckDigit.IsValid(rest[..14]))
            {
                return $"'{identifier}': GTIN check digit is wrong";
            }

            if (!rest[14..].StartsWith(SerialInfix, StringComparison.Ordinal))
            {
                return $"'{identifier}': expected ':ser:' after the GTIN";
            }

            var serial = rest[(14 + SerialInfix.Length)..];
            if (serial.Length is < 1 or > 20)
            {
                return $"'{identifier}': serial must be 1-20 characters";
            }

            foreach (var c in serial)
            {
                if (!IsCset82(c))
                {
                    return $"'{identifier}': serial character '{c}' is not in GS1 CSET 82";
                }
            }

            return null;
        }

        if (id.StartsWith(SsccPrefix, StringComparison.Ordinal))
        {
            var digits = id[SsccPrefix.Length..];
            return !IsDigits(digits, 18) ? $"'{identifier}': SSCC must be 18 digits"
                : !CheckDigit.IsValid(digits) ? $"'{identifier}': SSCC check digit is wrong"
                : null;
        }

        if (id.StartsWith(ChinaPrefix, StringComparison.Ordinal))
        {
            return IsDigits(id[ChinaPrefix.Length..], 20) ? null : $"'{identifier}': Chinese traceability code must be 20 digits";
        }

        return $"'{identifier}': unknown identifier scheme (expected gtin:, sscc: or cn:)";
    }

    /// <summary>GS1 CSET 82 (General Specifications figure 7.11-1).</summary>
    internal static bool IsCset82(char c) => Gs1CharSets.Contains(Gs1CharSet.Cset82, c);

    /// <summary>True when <paramref name="text"/> is exactly <paramref name="length"/> ASCII digits.</summary>
    internal static bool IsDigits(ReadOnlySpan<char> text, int length) =>
        text.Length == length && !text.ContainsAnyExceptInRange('0', '9');

    private static string Require(string id) => Problem(id) is { } problem ? throw new FormatException(problem) : id;
}
