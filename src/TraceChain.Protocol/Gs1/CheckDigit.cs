namespace TraceChain.Protocol.Gs1;

/// <summary>
/// The GS1 mod-10 check digit (General Specifications 7.9.1) used by GTIN-8/12/13/14, SSCC, GLN, GSIN, GDTI,
/// GRAI and GSRN: weights 3 and 1 alternate from the rightmost data digit.
/// </summary>
public static class CheckDigit
{
    /// <summary>Computes the check digit for <paramref name="digits"/> (the data without its check digit).</summary>
    /// <exception cref="FormatException">The input is empty or holds a non-digit.</exception>
    public static int Compute(ReadOnlySpan<char> digits) =>
        TryCompute(digits, out var check) ? check : throw new FormatException("GS1 check digits are computed over one or more digits 0-9.");

    /// <summary>Computes the check digit; false when the input is empty or holds a non-digit.</summary>
    public static bool TryCompute(ReadOnlySpan<char> digits, out int checkDigit)
    {
        checkDigit = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        var sum = 0;
        var weight = 3;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            sum += digit * weight;
            weight = 4 - weight;
        }

        checkDigit = (10 - (sum % 10)) % 10;
        return true;
    }

    /// <summary>True when <paramref name="digits"/> (at least two digits) ends with its correct check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits) =>
        digits.Length >= 2 && TryCompute(digits[..^1], out var check) && digits[^1] - '0' == check;

    /// <summary>Returns <paramref name="digits"/> with its check digit appended.</summary>
    /// <exception cref="FormatException">The input is empty or holds a non-digit.</exception>
    public static string Append(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return string.Concat(digits, ((char)('0' + Compute(digits))).ToString());
    }

    /// <summary>True for a GTIN-8, GTIN-12, GTIN-13 or GTIN-14 with a correct check digit.</summary>
    public static bool IsValidGtin(ReadOnlySpan<char> gtin) => gtin.Length is 8 or 12 or 13 or 14 && IsValid(gtin);

    /// <summary>True for an 18-digit SSCC with a correct check digit.</summary>
    public static bool IsValidSscc(ReadOnlySpan<char> sscc) => sscc.Length == 18 && IsValid(sscc);

    /// <summary>True for a 13-digit GLN with a correct check digit.</summary>
    public static bool IsValidGln(ReadOnlySpan<char> gln) => gln.Length == 13 && IsValid(gln);
}
