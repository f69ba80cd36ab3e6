namespace TraceChain.Protocol.Scanning;

/// <summary>Bits of the SSI status byte.</summary>
[Flags]
#pragma warning disable CA1028 // The wire format is one byte.
public enum SsiStatus : byte
#pragma warning restore CA1028
{
    /// <summary>First transmission, no flags.</summary>
    None = 0,

    /// <summary>Bit 0: this frame is a retransmission of the previous one.</summary>
    Retransmit = 0x01,

    /// <summary>Bit 1: more packets of a multi-packet message follow.</summary>
    Continuation = 0x02,

    /// <summary>Bit 3: parameter changes are permanent (PARAM_SEND only).</summary>
    ChangeTypePermanent = 0x08,
}
