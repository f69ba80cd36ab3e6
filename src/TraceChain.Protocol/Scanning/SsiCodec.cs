using System.Buffers.Binary;

namespace TraceChain.Protocol.Scanning;

/// <summary>Encodes SSI frames and computes their checksum.</summary>
public static class SsiCodec
{
    /// <summary>Bytes of length, opcode, source and status.</summary>
    public const int HeaderLength = 4;

    /// <summary>Largest value of the one-byte length field.</summary>
    public const int MaxLengthField = 0xFF;

    /// <summary>Most data bytes one frame carries.</summary>
    public const int MaxDataLength = MaxLengthField - HeaderLength;

    /// <summary>The checksum of length..data: 0x10000 minus the byte sum, truncated to 16 bits.</summary>
    public static ushort Checksum(ReadOnlySpan<byte> lengthThroughData)
    {
        var sum = 0;
        foreach (var b in lengthThroughData)
        {
            sum += b;
        }

        return (ushort)(0x10000 - (sum & 0xFFFF));
    }

    /// <summary>Number of bytes <see cref="Encode(SsiFrame)"/> produces.</summary>
    public static int EncodedLength(SsiFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return HeaderLength + frame.Data.Length + 2;
    }

    /// <summary>Encodes a frame into a new array.</summary>
    public static byte[] Encode(SsiFrame frame)
    {
        var bytes = new byte[EncodedLength(frame)];
        Encode(frame, bytes);
        return bytes;
    }

    /// <summary>Encodes a frame into <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Encode(SsiFrame frame, Span<byte> destination)
    {
        var total = EncodedLength(frame);
        if (destination.Length < total)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes; the frame needs {total}", nameof(destination));
        }

        var length = HeaderLength + frame.Data.Length;
        destination[0] = (byte)length;
        destination[1] = (byte)frame.Opcode;
        destination[2] = (byte)frame.Source;
        destination[3] = (byte)frame.Status;
        frame.Data.Span.CopyTo(destination[HeaderLength..]);
        BinaryPrimitives.WriteUInt16BigEndian(destination[length..], Checksum(destination[..length]));
        return total;
    }
}
