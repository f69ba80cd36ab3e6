using System.Text;

namespace TraceChain.Mqtt.Packets;

/// <summary>MQTT UTF-8 encoded strings (section 1.5.3): a 2-byte big-endian length, well-formed UTF-8, no U+0000.</summary>
public static class MqttStrings
{
    /// <summary>The longest string in bytes.</summary>
    public const int MaxBytes = ushort.MaxValue;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Bytes <paramref name="value"/> takes on the wire, with its length prefix; throws when it is not a valid MQTT string.</summary>
    public static int SizeOf(string value, string what)
    {
        Validate(value, what);
        return 2 + Strict.GetByteCount(value);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="what"/> when <paramref name="value"/> cannot be sent.</summary>
    public static void Validate(string value, string what)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{what} must not contain U+0000", what);
        }

        int count;
        try
        {
            count = Strict.GetByteCount(value);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException($"{what} is not valid UTF-16 (lone surrogate)", what, ex);
        }

        if (count > MaxBytes)
        {
            throw new ArgumentException($"{what} is {count} bytes in UTF-8; the limit is {MaxBytes}", what);
        }
    }

    /// <summary>Writes the length-prefixed string and returns the bytes written. The value must have been validated.</summary>
    public static int Write(string value, Span<byte> destination)
    {
        var count = Strict.GetBytes(value, destination[2..]);
        destination[0] = (byte)(count >> 8);
        destination[1] = (byte)count;
        return 2 + count;
    }

    /// <summary>Decodes UTF-8 bytes of a received string; throws <see cref="MqttProtocolException"/> naming <paramref name="what"/> when malformed.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string what)
    {
        string value;
        try
        {
            value = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new MqttProtocolException($"{what} is not well-formed UTF-8", ex);
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new MqttProtocolException($"{what} contains U+0000");
        }

        return value;
    }
}
