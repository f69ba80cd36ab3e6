namespace TraceChain.Mqtt.Packets;

/// <summary>The fixed header's variable-length "remaining length" (section 2.2.3): 7 bits a byte, at most 4 bytes.</summary>
public static class RemainingLength
{
    /// <summary>The largest value four bytes can hold (256 MiB - 1).</summary>
    public const int Max = 268_435_455;

    /// <summary>Bytes needed to encode <paramref name="value"/>.</summary>
    public static int SizeOf(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Max);
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    /// <summary>Writes <paramref name="value"/> and returns the number of bytes written.</summary>
    public static int Write(int value, Span<byte> destination)
    {
        var size = SizeOf(value);
        for (var i = 0; i < size; i++)
        {
            var digit = (byte)(value & 0x7F);
            value >>= 7;
            destination[i] = value > 0 ? (byte)(digit | 0x80) : digit;
        }

        return size;
    }

    /// <summary>
    /// Reads a remaining length from <paramref name="source"/>. Returns false when more bytes are needed;
    /// throws <see cref="MqttProtocolException"/> when a fifth byte would be needed.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int bytesRead)
    {
        value = 0;
        for (var i = 0; i < 4; i++)
        {
            if (i >= source.Length)
            {
                bytesRead = 0;
                return false;
            }

            var b = source[i];
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                // A non-minimal encoding (trailing 0x80 0x00) is accepted: the spec does not forbid it for 3.1.1.
                bytesRead = i + 1;
                return true;
            }
        }

        throw new MqttProtocolException("Malformed remaining length: more than 4 bytes");
    }
}
