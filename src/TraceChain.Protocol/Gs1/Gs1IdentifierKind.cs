namespace TraceChain.Protocol.Gs1;

/// <summary>What a canonical identifier identifies.</summary>
public enum Gs1IdentifierKind
{
    /// <summary>A logistic unit (case, pallet) by its SSCC, AI (00).</summary>
    Sscc,

    /// <summary>One serialised pack: GTIN (01) + serial number (21).</summary>
    GtinSerial,

    /// <summary>A batch of a trade item: GTIN (01) + batch/lot (10), when there is no serial.</summary>
    GtinBatch,

    /// <summary>A trade item class: GTIN (01) alone.</summary>
    Gtin,
}
