namespace TraceChain.Protocol.Scratch;

/// <summary>
/// The Damm check digit algorithm (H. M. Damm, 2004) over decimal digits. It uses one 10×10 table, a weakly
/// totally anti-symmetric quasigroup with zeros on the diagonal, and detects every single-digit substitution
/// and every transposition of two adjacent digits, including a swap of the check digit with the digit before it.
/// A string that ends with its check digit runs the table back to 0, so validation needs no special case.
/// </summary>
public static class DammCheckDigit
{
    // The quasigroup published by Damm (row = interim digit, column = next digit); see Wikipedia "Damm algorithm".
    private static readonly byte[] Table =
    [
        0, 3, 1, 7, 5, 9, 8, 6, 4, 2,
        7, 0, 9, 2, 1, 5, 4, 8, 6, 3,
        4, 2, 0, 6, 8, 7, 1, 3, 5, 9,
        1, 7, 5, 0, 9, 8, 3, 4, 2, 6,
        6, 1, 2, 3, 0, 4, 5, 9, 7, 8,
        3, 6, 7, 4, 2, 0, 9, 5, 8, 1,
        5, 8, 6, 9, 7, 2, 0, 1, 3, 4,
        8, 9, 4, 5, 3, 6, 2, 0, 1, 7,
        9, 4, 3, 8, 6, 1, 7, 2, 0, 5,
        2, 5, 8, 1, 4, 3, 6, 7, 9, 0,
    ];

    /// <summary>The check digit to append to <paramref name="digits"/> (ASCII digits only).</summary>
    /// <exception cref="ArgumentException">A character is not an ASCII digit.</exception>
    public static char Compute(ReadOnlySpan<char> digits) => (char)('0' + Interim(digits));

    /// <summary>Whether <paramref name="digitsWithCheck"/> (ASCII digits, check digit last) is consistent.</summary>
    /// <exception cref="ArgumentException">A character is not an ASCII digit.</exception>
    public static bool IsValid(ReadOnlySpan<char> digitsWithCheck) => digitsWithCheck.Length > 0 && Interim(digitsWithCheck) == 0;

    private static int Interim(ReadOnlySpan<char> digits)
    {
        var interim = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException($"'{c}' is not an ASCII digit.", nameof(digits));
            }

            interim = Table[(interim * 10) + (c - '0')];
        }

        return interim;
    }
}
