namespace TraceChain.Protocol.Scanning;

/// <summary>The cause byte of a CMD_NAK frame.</summary>
#pragma warning disable CA1028 // The wire format is one byte.
public enum SsiNakCause : byte
#pragma warning restore CA1028
{
    /// <summary>NAK_RESEND: the frame was damaged (bad checksum); send it again.</summary>
    Resend = 0x01,

    /// <summary>NAK_BAD_CONTEXT: the frame was understood but is not valid now.</summary>
    BadContext = 0x02,

    /// <summary>NAK_DENIED: the request is refused; do not resend.</summary>
    Denied = 0x06,
}
