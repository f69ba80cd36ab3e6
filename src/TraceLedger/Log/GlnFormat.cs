using TraceChain.Protocol.Gs1;

namespace TraceLedger.Log;

/// <summary>GLN shape check for registrations, in the words a registration error needs.</summary>
internal static class GlnFormat
{
    public static string? Problem(string? gln) =>
        gln is not { Length: 13 } || !gln.All(char.IsAsciiDigit) ? $"GLN '{gln}' must be 13 digits"
        : CheckDigit.IsValidGln(gln) ? null
        : $"GLN '{gln}' has a wrong check digit";
}
