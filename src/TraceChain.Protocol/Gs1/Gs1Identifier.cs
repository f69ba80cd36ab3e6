namespace TraceChain.Protocol.Gs1;

/// <summary>
/// The canonical identifier of a pack or logistic unit. <see cref="Key"/> is the unbracketed element string of
/// the identifying AIs in a fixed order ("00{sscc}", "01{gtin}21{serial}", "01{gtin}10{batch}", "01{gtin}"): the
/// variable-length part is always last, so the key is unambiguous and the same however the symbol ordered its AIs.
/// </summary>
/// <param name="Kind">What is identified.</param>
/// <param name="Key">The canonical key.</param>
/// <param name="Gtin">The 14-digit GTIN, if any.</param>
/// <param name="Serial">The serial number, if any.</param>
/// <param name="Batch">The batch/lot, if any.</param>
/// <param name="Sscc">The SSCC, if any.</param>
public sealed record Gs1Identifier(Gs1IdentifierKind Kind, string Key, string? Gtin, string? Serial, string? Batch, string? Sscc)
{
    /// <inheritdoc />
    public override string ToString() => Key;
}
