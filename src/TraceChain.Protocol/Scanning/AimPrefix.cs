namespace TraceChain.Protocol.Scanning;

/// <summary>Splits the AIM symbology identifier ("]" + code letter + modifier, e.g. "]d2") off scanned data.</summary>
public static class AimPrefix
{
    /// <summary>Returns the identifier and the rest when <paramref name="data"/> starts with one; otherwise null and the data.</summary>
    public static (string? Identifier, ReadOnlyMemory<byte> Remainder) Split(ReadOnlyMemory<byte> data)
    {
        var span = data.Span;
        if (span.Length >= 3 && span[0] == (byte)']' && char.IsAsciiLetter((char)span[1]) && char.IsAsciiLetterOrDigit((char)span[2]))
        {
            return (System.Text.Encoding.ASCII.GetString(span[..3]), data[3..]);
        }

        return (null, data);
    }
}
