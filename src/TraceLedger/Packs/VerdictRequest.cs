namespace TraceLedger.Packs;

/// <summary>A verification: a scanned pack (identifier, batch and expiry as read), optionally a scratch code.</summary>
/// <param name="Identifier">Canonical identifier (gtin:…:ser:…, cn:…); null to look the pack up by its scratch code alone.</param>
/// <param name="Batch">Batch as read from the code (checked against the pack: A68).</param>
/// <param name="Expiry">Expiry as read, YYMMDD (checked against the batch: A52).</param>
/// <param name="PartyGln">The verifying partner; null for a consumer.</param>
/// <param name="ScratchCode">The scratch-off code as typed.</param>
public sealed record VerdictRequest(string? Identifier, string? Batch = null, string? Expiry = null, string? PartyGln = null, string? ScratchCode = null)
{
    /// <summary>True for a consumer's check (no partner GLN).</summary>
    public bool IsConsumer => PartyGln is null;
}
