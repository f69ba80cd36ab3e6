using System.Text;

namespace TraceChain.Protocol.DigitalLink;

/// <summary>
/// Percent-encoding of AI values in Digital Link path segments and query values. Only RFC 3986 unreserved
/// characters (A–Z a–z 0–9 - . _ ~) are left as they are, so every CSET 82 symbol that has a meaning in a URI
/// (! " % &amp; ' ( ) * + , / : ; &lt; = &gt; ?) is encoded, as the GS1 reference encoder does.
/// </summary>
internal static class UriComponentCodec
{
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string value, bool isQuery)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else if (c == ' ' && isQuery)
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes %XX escapes (either case) and, in a query, '+' as a space (HTML form encoding, as GS1 does).
    /// Returns null with <paramref name="problem"/> set for a bad escape, an encoded NUL or invalid UTF-8.
    /// </summary>
    public static string? Decode(string encoded, bool isQuery, out string? problem)
    {
        problem = null;
        if (!encoded.Contains('%', StringComparison.Ordinal) && !(isQuery && encoded.Contains('+', StringComparison.Ordinal)))
        {
            return encoded;
        }

        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%')
            {
                if (i + 2 >= encoded.Length || !char.IsAsciiHexDigit(encoded[i + 1]) || !char.IsAsciiHexDigit(encoded[i + 2]))
                {
                    problem = $"'%' at position {i + 1} of '{encoded}' is not followed by two hexadecimal digits (write a literal % as %25)";
                    return null;
                }

                var b = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                if (b == 0)
                {
                    problem = $"'{encoded}' encodes a NUL character (%00)";
                    return null;
                }

                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.Add(c == '+' && isQuery ? (byte)' ' : (byte)c);
            }
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            problem = $"'{encoded}' decodes to bytes that are not UTF-8";
            return null;
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
