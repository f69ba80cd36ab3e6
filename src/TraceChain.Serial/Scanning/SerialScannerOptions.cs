using TraceChain.Protocol.Scanning;

namespace TraceChain.Serial.Scanning;

/// <summary>How to read scans from one serial scanner.</summary>
/// <param name="Port">The serial port.</param>
/// <param name="Mode">Line or SSI framed mode.</param>
public sealed record SerialScannerOptions(SerialPortOptions Port, ScannerMode Mode = ScannerMode.Line)
{
    /// <summary>Suffix, line limit and AIM detection for line mode.</summary>
    public LineDecoderOptions Line { get; init; } = LineDecoderOptions.Default;

    /// <summary>How long a host command waits for the scanner's ACK before resending (SSI).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Resends of a host command before giving up (SSI).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Split a leading AIM identifier off DECODE_DATA payloads too (SSI).</summary>
    public bool DetectAimPrefixInSsi { get; init; } = true;
}
