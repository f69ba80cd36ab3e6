namespace TraceChain.Protocol.Scanning;

/// <summary>
/// One SSI packet: <c>[length][opcode][source][status][data...][checksum hi][checksum lo]</c>, where length = 4 +
/// data length and the checksum is the two's complement of the 16-bit sum of length..data. Encode with
/// <see cref="SsiCodec"/>, decode with <see cref="SsiDecoder"/>.
/// </summary>
public sealed record SsiFrame
{
    /// <summary>Creates a frame.</summary>
    public SsiFrame(SsiOpcode opcode, SsiSource source, SsiStatus status, ReadOnlyMemory<byte> data)
    {
        if (data.Length > SsiCodec.MaxDataLength)
        {
            throw new ArgumentException($"SSI data is {data.Length} bytes; at most {SsiCodec.MaxDataLength} fit in one frame", nameof(data));
        }

        Opcode = opcode;
        Source = source;
        Status = status;
        Data = data;
    }

    /// <summary>The opcode.</summary>
    public SsiOpcode Opcode { get; }

    /// <summary>Who sent the frame.</summary>
    public SsiSource Source { get; }

    /// <summary>The status bits.</summary>
    public SsiStatus Status { get; }

    /// <summary>The data bytes (0..251).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>True when the retransmit bit is set.</summary>
    public bool IsRetransmit => (Status & SsiStatus.Retransmit) != 0;

    /// <summary>For a CMD_NAK frame, its cause; null for other frames or a NAK without data.</summary>
    public SsiNakCause? NakCause => Opcode == SsiOpcode.Nak && Data.Length > 0 ? (SsiNakCause)Data.Span[0] : null;

    /// <summary>A CMD_ACK frame.</summary>
    public static SsiFrame Ack(SsiSource source) => new(SsiOpcode.Ack, source, SsiStatus.None, ReadOnlyMemory<byte>.Empty);

    /// <summary>A CMD_NAK frame with its cause byte.</summary>
    public static SsiFrame Nak(SsiSource source, SsiNakCause cause) => new(SsiOpcode.Nak, source, SsiStatus.None, new[] { (byte)cause });

    /// <summary>A DECODE_DATA frame from the scanner: barcode type byte then the decoded bytes.</summary>
    public static SsiFrame DecodeData(byte codeType, ReadOnlySpan<byte> decoded)
    {
        var data = new byte[decoded.Length + 1];
        data[0] = codeType;
        decoded.CopyTo(data.AsSpan(1));
        return new SsiFrame(SsiOpcode.DecodeData, SsiSource.Decoder, SsiStatus.None, data);
    }

    /// <summary>A host command without data (START_SESSION, STOP_SESSION ...).</summary>
    public static SsiFrame HostCommand(SsiOpcode opcode) => new(opcode, SsiSource.Host, SsiStatus.None, ReadOnlyMemory<byte>.Empty);

    /// <summary>A host BEEP command with a beep-pattern byte.</summary>
    public static SsiFrame Beep(byte pattern) => new(SsiOpcode.Beep, SsiSource.Host, SsiStatus.None, new[] { pattern });

    /// <summary>A host LED_ON or LED_OFF command for the selected LEDs.</summary>
    public static SsiFrame Led(bool on, byte selection = 0x01) =>
        new(on ? SsiOpcode.LedOn : SsiOpcode.LedOff, SsiSource.Host, SsiStatus.None, new[] { selection });

    /// <summary>The same frame with the retransmit bit set.</summary>
    public SsiFrame AsRetransmit() => new(Opcode, Source, Status | SsiStatus.Retransmit, Data);

    /// <summary>True when both frames carry the same message, whatever their retransmit bits.</summary>
    public bool SameMessageAs(SsiFrame other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Opcode == other.Opcode
            && Source == other.Source
            && (Status & ~SsiStatus.Retransmit) == (other.Status & ~SsiStatus.Retransmit)
            && Data.Span.SequenceEqual(other.Data.Span);
    }

    /// <inheritdoc />
    public bool Equals(SsiFrame? other) =>
        other is not null && Opcode == other.Opcode && Source == other.Source && Status == other.Status && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Opcode);
        hash.Add(Source);
        hash.Add(Status);
        hash.AddBytes(Data.Span);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Convert.ToHexString(SsiCodec.Encode(this));
}
