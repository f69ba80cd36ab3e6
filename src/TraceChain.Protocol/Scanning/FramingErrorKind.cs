namespace TraceChain.Protocol.Scanning;

/// <summary>What went wrong while splitting a byte stream into scans or frames.</summary>
public enum FramingErrorKind
{
    /// <summary>A line grew past the configured limit without a suffix; bytes up to the next suffix were dropped.</summary>
    OversizedLine,

    /// <summary>Bytes that could not start a frame were skipped while resynchronising.</summary>
    Garbage,

    /// <summary>A complete, well-formed SSI frame had a wrong checksum; the sender should be NAKed (resend).</summary>
    BadChecksum,
}
