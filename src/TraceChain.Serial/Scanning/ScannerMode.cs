namespace TraceChain.Serial.Scanning;

/// <summary>How a serial scanner delivers its scans.</summary>
public enum ScannerMode
{
    /// <summary>Plain text lines with a suffix (CR, LF or CRLF), optionally AIM-prefixed.</summary>
    Line,

    /// <summary>Zebra SSI packets: DECODE_DATA frames acknowledged with CMD_ACK/CMD_NAK.</summary>
    Ssi,
}
