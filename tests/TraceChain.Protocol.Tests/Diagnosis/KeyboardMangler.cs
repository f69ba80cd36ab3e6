namespace TraceChain.Protocol.Tests.Diagnosis;

/// <summary>
/// Simulates what a scanner configured for a US keyboard types into a computer set to another layout (forward
/// direction, written independently of the product's undo maps).
/// </summary>
internal static class KeyboardMangler
{
    public static string Azerty(string meant) => Map(meant, "1234567890aqzwAQZW]", "&é\"'(-è_çàqawzQAWZ$");

    public static string Qwertz(string meant) => Map(meant, "yzYZ]", "zyZY+");

    private static string Map(string text, string from, string to) =>
        new([.. text.Select(c => from.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? to[i] : c)]);
}
