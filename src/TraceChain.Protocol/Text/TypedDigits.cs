using System.Globalization;
using System.Text;

namespace TraceChain.Protocol.Text;

/// <summary>
/// Normalises a numeric code as people type or paste it: drops whitespace of any kind (including the
/// ideographic space U+3000 that Chinese input methods produce) and dashes, and maps full-width digits
/// U+FF10–U+FF19 to ASCII. Everything else is kept so that the caller can name the offending character.
/// </summary>
public static class TypedDigits
{
    /// <summary>Returns <paramref name="input"/> without separators and with full-width digits made ASCII.</summary>
    public static string Normalize(ReadOnlySpan<char> input)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (IsSeparator(c))
            {
                continue;
            }

            builder.Append(c is >= '\uFF10' and <= '\uFF19' ? (char)('0' + (c - '\uFF10')) : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Checks that <paramref name="normalized"/> holds exactly <paramref name="length"/> ASCII digits and
    /// returns the first problem found, or <see langword="null"/> when it does. <paramref name="what"/> names the
    /// code in messages ("scratch-off code").
    /// </summary>
    public static CodeInputError? CheckDigits(string normalized, int length, string what)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (normalized.Length == 0)
        {
            return new CodeInputError(CodeInputErrorKind.Empty, $"The {what} is empty: expected {length} digits.");
        }

        // A stray letter explains a wrong length better than the count does, so report it first.
        for (var i = 0; i < normalized.Length; i++)
        {
            if (!char.IsAsciiDigit(normalized[i]))
            {
                return new CodeInputError(
                    CodeInputErrorKind.NotADigit,
                    string.Create(CultureInfo.InvariantCulture, $"The {what} may contain only digits, but character {i + 1} is {Describe(normalized[i])}."),
                    i);
            }
        }

        if (normalized.Length != length)
        {
            return new CodeInputError(
                CodeInputErrorKind.WrongLength,
                string.Create(CultureInfo.InvariantCulture, $"The {what} must have {length} digits, but {normalized.Length} were given."));
        }

        return null;
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) // includes U+3000 ideographic space and U+00A0 no-break space
        || c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' or '\uFF0D'
        || c is '\u200B' or '\uFEFF'; // zero-width space and BOM sneak in through copy and paste

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : string.Create(CultureInfo.InvariantCulture, $"'{c}' (U+{(int)c:X4})");
}
