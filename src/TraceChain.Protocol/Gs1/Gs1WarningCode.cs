namespace TraceChain.Protocol.Gs1;

/// <summary>Deviations that GS1 decoders accept but that point at an encoder or scanner quirk.</summary>
public enum Gs1WarningCode
{
    /// <summary>A GS (FNC1) before the first element: FNC1 in first position sent as GS instead of an AIM identifier.</summary>
    LeadingSeparator,

    /// <summary>A GS after a predefined-length AI, where none is needed (accepted, as the General Specifications allow).</summary>
    SeparatorAfterPredefinedLength,

    /// <summary>A GS after the last element.</summary>
    TrailingSeparator,

    /// <summary>The same AI twice with the same value (allowed, only the first counts).</summary>
    RepeatedAi,
}
