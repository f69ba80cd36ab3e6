using System.Diagnostics.CodeAnalysis;

namespace TraceChain.Protocol.Gs1;

/// <summary>GTIN helpers: every GTIN is carried in AI (01) as 14 digits, left-padded with zeros.</summary>
public static class Gtin
{
    /// <summary>
    /// Turns a GTIN-8, -12, -13 or -14 with a valid check digit into its 14-digit form; false otherwise.
    /// </summary>
    public static bool TryNormalize(ReadOnlySpan<char> gtin, [NotNullWhen(true)] out string? gtin14)
    {
        gtin14 = null;
        if (!CheckDigit.IsValidGtin(gtin))
        {
            return false;
        }

        gtin14 = gtin.Length == 14 ? gtin.ToString() : string.Concat(new string('0', 14 - gtin.Length), gtin);
        return true;
    }
}
