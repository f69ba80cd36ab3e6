using System.Buffers.Binary;

namespace TraceChain.Protocol.Scanning;

/// <summary>
/// Incremental SSI decoder: feed it bytes in any chunking; it yields every frame with a good checksum and
/// resynchronises after garbage by skipping one byte and retrying whenever the header is implausible or the
/// checksum fails. A frame that looks real (known opcode, valid source) but fails its checksum is reported as
/// <see cref="FramingErrorKind.BadChecksum"/> so the caller can NAK it (resend). While a plausible frame is still
/// incomplete, a complete valid frame found later in the buffer wins: the earlier bytes were garbage. Without
/// this a stray length byte before a real frame would stall the link until retransmissions filled the gap.
/// Memory stays below two frames. Not thread-safe; use one instance per byte stream.
/// </summary>
public sealed class SsiDecoder
{
    private const int MaxFrameBytes = SsiCodec.MaxLengthField + 2;

    private byte[] _buffer = new byte[MaxFrameBytes * 2];
    private int _count;
    private int _garbage;

    /// <summary>Bytes held that do not yet form a complete frame.</summary>
    public int PendingByteCount => _count;

    /// <summary>Decodes a chunk; frames go to <paramref name="frames"/>, problems to <paramref name="errors"/>.</summary>
    public void Decode(ReadOnlySpan<byte> chunk, ICollection<SsiFrame> frames, ICollection<FramingError> errors)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(errors);

        Append(chunk);
        var pos = 0;
        while (pos < _count)
        {
            var window = _buffer.AsSpan(pos, _count - pos);
            if (!PlausibleHeader(window))
            {
                pos++;
                _garbage++;
                continue;
            }

            var total = window[0] + 2;
            if (window.Length < total)
            {
                var next = FindCompleteFrame(window);
                if (next < 0)
                {
                    break;
                }

                pos += next;
                _garbage += next;
                continue;
            }

            var candidate = window[..total];
            if (ChecksumMatches(candidate))
            {
                FlushGarbage(errors);
                frames.Add(ToFrame(candidate));
                pos += total;
                continue;
            }

            if (Enum.IsDefined((SsiOpcode)candidate[1]))
            {
                FlushGarbage(errors);
                errors.Add(new FramingError(
                    FramingErrorKind.BadChecksum,
                    total,
                    $"SSI frame opcode 0x{candidate[1]:X2} of {total} bytes has checksum 0x{BinaryPrimitives.ReadUInt16BigEndian(candidate[^2..]):X4}, expected 0x{SsiCodec.Checksum(candidate[..^2]):X4}"));
            }

            pos++;
            _garbage++;
        }

        _buffer.AsSpan(pos, _count - pos).CopyTo(_buffer);
        _count -= pos;
        FlushGarbage(errors);
    }

    /// <summary>Forgets any partial frame, e.g. after the port was reconnected.</summary>
    public void Reset()
    {
        _count = 0;
        _garbage = 0;
    }

    private void Append(ReadOnlySpan<byte> chunk)
    {
        if (_count + chunk.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + chunk.Length));
        }

        chunk.CopyTo(_buffer.AsSpan(_count));
        _count += chunk.Length;

        // A large read can grow the buffer; once drained it shrinks back to keep memory bounded.
        if (_count <= MaxFrameBytes && _buffer.Length > MaxFrameBytes * 8)
        {
            var small = new byte[MaxFrameBytes * 2];
            _buffer.AsSpan(0, _count).CopyTo(small);
            _buffer = small;
        }
    }

    private void FlushGarbage(ICollection<FramingError> errors)
    {
        if (_garbage > 0)
        {
            errors.Add(new FramingError(FramingErrorKind.Garbage, _garbage, $"skipped {_garbage} byte(s) that do not form an SSI frame"));
            _garbage = 0;
        }
    }

    private static bool PlausibleHeader(ReadOnlySpan<byte> window)
    {
        if (window[0] < SsiCodec.HeaderLength)
        {
            return false;
        }

        return window.Length < 3 || window[2] is (byte)SsiSource.Decoder or (byte)SsiSource.Host;
    }

    private static bool ChecksumMatches(ReadOnlySpan<byte> frame) =>
        SsiCodec.Checksum(frame[..^2]) == BinaryPrimitives.ReadUInt16BigEndian(frame[^2..]);

    private static int FindCompleteFrame(ReadOnlySpan<byte> window)
    {
        for (var p = 1; p < window.Length; p++)
        {
            var rest = window[p..];
            if (!PlausibleHeader(rest))
            {
                continue;
            }

            var total = rest[0] + 2;
            if (rest.Length >= total && ChecksumMatches(rest[..total]))
            {
                return p;
            }
        }

        return -1;
    }

    private static SsiFrame ToFrame(ReadOnlySpan<byte> frame) =>
        new((SsiOpcode)frame[1], (SsiSource)frame[2], (SsiStatus)frame[3], frame[SsiCodec.HeaderLength..^2].ToArray());
}
