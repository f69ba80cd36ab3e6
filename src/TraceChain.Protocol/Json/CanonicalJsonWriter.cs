using System.Buffers;
using System.Globalization;
using System.Text;

namespace TraceChain.Protocol.Json;

/// <summary>
/// Emits RFC 8785 (JCS) tokens into a buffer. Callers write object members in UTF-16 code-unit order;
/// this writer handles separators, string escaping and ES6 number form.
/// </summary>
internal sealed class CanonicalJsonWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new(256);
    private readonly Stack<bool> containerHasItems = new();
    private bool afterName;

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    public void StartObject() => StartContainer((byte)'{');

    public void EndObject() => EndContainer((byte)'}');

    public void StartArray() => StartContainer((byte)'[');

    public void EndArray() => EndContainer((byte)']');

    public void PropertyName(string name)
    {
        Separator();
        WriteQuoted(name);
        Raw((byte)':');
        afterName = true;
    }

    public void String(string value)
    {
        Separator();
        WriteQuoted(value);
    }

    public void Integer(long value)
    {
        if (value is > (1L << 53) - 1 or < -((1L << 53) - 1))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Integers outside ±(2^53-1) are not exact in JSON (RFC 8785 / I-JSON).");
        }

        Separator();
        Ascii(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Number(double value)
    {
        Separator();
        Ascii(Es6Number.Format(value));
    }

    /// <summary>Inserts an already canonical JSON value verbatim (e.g. a hop's canonical bytes).</summary>
    public void CanonicalValue(ReadOnlySpan<byte> canonicalJson)
    {
        Separator();
        buffer.Write(canonicalJson);
    }

    public void Boolean(bool value)
    {
        Separator();
        Ascii(value ? "true" : "false");
    }

    public void Null()
    {
        Separator();
        Ascii("null");
    }

    private void StartContainer(byte open)
    {
        Separator();
        Raw(open);
        containerHasItems.Push(false);
    }

    private void EndContainer(byte close)
    {
        containerHasItems.Pop();
        Raw(close);
    }

    private void Separator()
    {
        if (afterName)
        {
            afterName = false;
        }
        else if (containerHasItems.TryPop(out var hasItems))
        {
            if (hasItems)
            {
                Raw((byte)',');
            }

            containerHasItems.Push(true);
        }
    }

    /// <summary>RFC 8785 section 3.2.2.2: ECMAScript JSON.stringify escaping, everything else literal UTF-8.</summary>
    private void WriteQuoted(string value)
    {
        Raw((byte)'"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => null,
            };

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    throw new FormatException($"String has a lone surrogate at index {i}; JSON text must be well-formed Unicode (RFC 8785 section 3.2.2.2).");
                }

                i++;
                continue;
            }

            if (escape is null)
            {
                continue;
            }

            Utf8(value.AsSpan(start, i - start));
            Ascii(escape);
            start = i + 1;
        }

        Utf8(value.AsSpan(start));
        Raw((byte)'"');
    }

    private void Utf8(ReadOnlySpan<char> text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private void Ascii(string text) => Utf8(text);

    private void Raw(byte b)
    {
        buffer.GetSpan(1)[0] = b;
        buffer.Advance(1);
    }
}
