using System.Diagnostics.CodeAnalysis;

namespace TraceChain.Mqtt.Packets;

/// <summary>
/// Incremental decoder for one connection's byte stream: bytes arrive in any split (a frame across several reads,
/// several frames in one read) and whole packets come out. Buffers at most one maximum-size packet.
/// </summary>
public sealed class MqttFrameDecoder
{
    private const int InitialCapacity = 4096;
    private readonly int maxPacketSize;
    private byte[] buffer;
    private int start;
    private int end;

    /// <summary>Creates a decoder that refuses packets larger than <paramref name="maxPacketSize"/> bytes.</summary>
    public MqttFrameDecoder(int maxPacketSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPacketSize, 2);
        this.maxPacketSize = maxPacketSize;
        buffer = new byte[Math.Min(InitialCapacity, maxPacketSize)];
    }

    /// <summary>Bytes received but not yet returned as packets.</summary>
    public int Buffered => end - start;

    /// <summary>Free space to read into; call <see cref="Advance"/> with the number of bytes written.</summary>
    public Memory<byte> GetMemory()
    {
        Compact();
        if (end == buffer.Length)
        {
            Grow(buffer.Length + 1);
        }

        return buffer.AsMemory(end);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written into the memory from <see cref="GetMemory"/>.</summary>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - end);
        end += count;
    }

    /// <summary>Copies <paramref name="data"/> in (for callers that already hold the bytes).</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var memory = GetMemory().Span;
            var n = Math.Min(memory.Length, data.Length);
            data[..n].CopyTo(memory);
            Advance(n);
            data = data[n..];

            // Fail early on an oversized header rather than buffering unbounded input.
            MqttPacketDecoder.TryReadFrameLength(buffer.AsSpan(start, end - start), maxPacketSize, out _);
        }
    }

    /// <summary>
    /// Returns the next whole packet, or false when more bytes are needed. Throws <see cref="MqttProtocolException"/>
    /// for malformed or oversized input; the decoder must not be used after that.
    /// </summary>
    public bool TryRead([NotNullWhen(true)] out MqttPacket? packet)
    {
        var pending = buffer.AsSpan(start, end - start);
        if (MqttPacketDecoder.TryDecode(pending, maxPacketSize, out packet, out var consumed))
        {
            start += consumed;
            if (start == end)
            {
                start = end = 0;
            }

            return true;
        }

        // Make room for a frame whose length is known but which is larger than the buffer.
        if (MqttPacketDecoder.TryReadFrameLength(pending, maxPacketSize, out var frameLength) && frameLength > buffer.Length)
        {
            Compact();
            Grow(frameLength);
        }

        return false;
    }

    private void Compact()
    {
        if (start == 0)
        {
            return;
        }

        buffer.AsSpan(start, end - start).CopyTo(buffer);
        end -= start;
        start = 0;
    }

    private void Grow(int minimum)
    {
        if (minimum > maxPacketSize)
        {
            // Only reached when a header is still incomplete at the size limit: cannot be a valid packet.
            throw new MqttProtocolException($"Buffered {end - start} bytes without a complete packet; the maximum packet size is {maxPacketSize} bytes");
        }

        var size = (int)Math.Min(maxPacketSize, Math.Max(minimum, (long)buffer.Length * 2));
        Array.Resize(ref buffer, size);
    }
}
