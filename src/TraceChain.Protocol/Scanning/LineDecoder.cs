namespace TraceChain.Protocol.Scanning;

/// <summary>
/// Incremental line-mode decoder: feed it bytes as they arrive in any chunking and it yields one
/// <see cref="ScannedCode"/> per terminated, non-empty line. Memory is bounded by
/// <see cref="LineDecoderOptions.MaxLineLength"/>: a longer line is reported once and dropped up to the next suffix.
/// Not thread-safe; use one instance per byte stream.
/// </summary>
public sealed class LineDecoder
{
    private const byte Cr = 0x0D;
    private const byte Lf = 0x0A;

    private readonly LineDecoderOptions _options;
    private readonly byte[] _line;
    private readonly byte _terminator;
    private int _count;
    private bool _discarding;

    /// <summary>Creates a decoder.</summary>
    public LineDecoder(LineDecoderOptions? options = null)
    {
        _options = options ?? LineDecoderOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxLineLength, 1, nameof(options));

        // In CRLF mode the CR is buffered until the LF shows the line ended, so it needs one extra byte.
        _line = new byte[_options.MaxLineLength + (_options.Suffix == LineSuffix.CrLf ? 1 : 0)];
        _terminator = _options.Suffix == LineSuffix.Cr ? Cr : Lf;
    }

    /// <summary>Bytes of an unfinished line held since the last suffix.</summary>
    public int PendingByteCount => _count;

    /// <summary>Decodes a chunk; complete scans go to <paramref name="scans"/>, problems to <paramref name="errors"/>.</summary>
    public void Decode(ReadOnlySpan<byte> chunk, ICollection<ScannedCode> scans, ICollection<FramingError> errors)
    {
        ArgumentNullException.ThrowIfNull(scans);
        ArgumentNullException.ThrowIfNull(errors);

        foreach (var b in chunk)
        {
            if (b == _terminator)
            {
                if (_discarding)
                {
                    _discarding = false;
                }
                else
                {
                    EmitLine(scans, errors);
                }

                _count = 0;
            }
            else if (!_discarding)
            {
                if (_count == _line.Length)
                {
                    errors.Add(new FramingError(
                        FramingErrorKind.OversizedLine,
                        _count + 1,
                        $"line longer than {_options.MaxLineLength} bytes without a {_options.Suffix} suffix; dropped up to the next suffix"));
                    _discarding = true;
                    _count = 0;
                }
                else
                {
                    _line[_count++] = b;
                }
            }
        }
    }

    /// <summary>Forgets any unfinished line, e.g. after the port was reconnected.</summary>
    public void Reset()
    {
        _count = 0;
        _discarding = false;
    }

    private void EmitLine(ICollection<ScannedCode> scans, ICollection<FramingError> errors)
    {
        var length = _count;
        if (_options.Suffix == LineSuffix.CrLf && length > 0 && _line[length - 1] == Cr)
        {
            length--;
        }

        if (length > _options.MaxLineLength)
        {
            // Only reachable in CRLF mode: the spare byte held data, not the CR.
            errors.Add(new FramingError(
                FramingErrorKind.OversizedLine,
                length,
                $"line longer than {_options.MaxLineLength} bytes; dropped"));
            return;
        }

        if (length == 0)
        {
            return;
        }

        ReadOnlyMemory<byte> line = _line.AsSpan(0, length).ToArray();
        string? aim = null;
        if (_options.DetectAimPrefix)
        {
            (aim, line) = AimPrefix.Split(line);
        }

        if (!line.IsEmpty)
        {
            scans.Add(new ScannedCode(line, aim));
        }
    }
}
