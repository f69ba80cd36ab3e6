using System.Globalization;
using System.Text;

namespace TraceChain.Protocol.Notifications;

/// <summary>
/// Topic names of the notification feed: <c>{prefix}/recalls/{gtin}/{batch}</c> (retained) and
/// <c>{prefix}/alerts/{partyGln}</c>. A batch (GS1 AI 10, CSET 82) may contain <c>/</c> and <c>+</c>, which are topic
/// separators and wildcards, so a batch level is percent-encoded: <c>%</c>, <c>/</c>, <c>+</c>, <c>#</c> and
/// anything outside printable ASCII become <c>%XX</c> (UTF-8 bytes, upper-case hex). Pure, no I/O.
/// </summary>
public static class RecallTopic
{
    /// <summary>The default first topic level.</summary>
    public const string DefaultPrefix = "tracechain";

    /// <summary>The retained recall topic of one batch.</summary>
    public static string Format(string prefix, string gtin, string batch)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentException.ThrowIfNullOrEmpty(gtin);
        ArgumentException.ThrowIfNullOrEmpty(batch);
        return $"{prefix}/recalls/{EncodeLevel(gtin)}/{EncodeLevel(batch)}";
    }

    /// <summary>The filter matching every recall under <paramref name="prefix"/>.</summary>
    public static string AllRecalls(string prefix) => $"{prefix}/recalls/+/+";

    /// <summary>The alert topic of one party.</summary>
    public static string Alerts(string prefix, string partyGln)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentException.ThrowIfNullOrEmpty(partyGln);
        return $"{prefix}/alerts/{EncodeLevel(partyGln)}";
    }

    /// <summary>Reads GTIN and batch back from a recall topic; false when the topic is not one under <paramref name="prefix"/>.</summary>
    public static bool TryParse(string topic, string prefix, out string gtin, out string batch)
    {
        gtin = batch = "";
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(prefix);
        var head = prefix + "/recalls/";
        if (!topic.StartsWith(head, StringComparison.Ordinal))
        {
            return false;
        }

        var levels = topic[head.Length..].Split('/');
        if (levels.Length != 2 || DecodeLevel(levels[0]) is not { Length: > 0 } g || DecodeLevel(levels[1]) is not { Length: > 0 } b)
        {
            return false;
        }

        gtin = g;
        batch = b;
        return true;
    }

    /// <summary>Percent-encodes one topic level (see the type's remarks).</summary>
    public static string EncodeLevel(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is > 0x20 and < 0x7F && b is not ((byte)'%' or (byte)'/' or (byte)'+' or (byte)'#'))
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>Decodes a level made by <see cref="EncodeLevel"/>; null when it is malformed (a bad escape or invalid UTF-8).</summary>
    public static string? DecodeLevel(string level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var bytes = new List<byte>(level.Length);
        for (var i = 0; i < level.Length; i++)
        {
            var c = level[i];
            if (c == '%')
            {
                if (i + 2 >= level.Length || !byte.TryParse(level.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    return null;
                }

                bytes.Add(b);
                i += 2;
            }
            else if (c is > ' ' and < (char)0x7F and not ('/' or '+' or '#'))
            {
                bytes.Add((byte)c);
            }
            else
            {
                return null;
            }
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
