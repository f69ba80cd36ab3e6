namespace TraceChain.Protocol.Scanning;

/// <summary>Who sent an SSI frame.</summary>
#pragma warning disable CA1028 // The wire format is one byte.
public enum SsiSource : byte
#pragma warning restore CA1028
{
    /// <summary>The scanner (decoder).</summary>
    Decoder = 0x00,

    /// <summary>The host.</summary>
    Host = 0x04,
}
