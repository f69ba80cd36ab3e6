namespace TraceLedger.Log;

/// <summary>GLN shape check for registrations (13 digits, GS1 mod-10 check digit). The Protocol's own check is internal.</summary>
internal static class GlnFormat
{
    public static string? Problem(string? gln)
    {
        if (gln is not { Length: 13 } || !gln.All(char.IsAsciiDigit))
        {
            return $"GLN '{gln}' must be 13 digits";
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            // Weights 1 and 3 alternate from the left for a 13-digit key (3 on the digit next to the check digit).
            sum += (gln[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return (10 - (sum % 10)) % 10 == gln[12] - '0' ? null : $"GLN '{gln}' has a wrong check digit";
    }
}
