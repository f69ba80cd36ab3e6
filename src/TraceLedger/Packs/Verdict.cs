namespace TraceLedger.Packs;

/// <summary>The partner view of a verification (pharmacies, wholesalers, regulators).</summary>
/// <param name="Code">The verdict.</param>
/// <param name="EmvsCode">EMVS alert code where one applies (A2, A3, A7, A52, A68).</param>
/// <param name="Message">One sentence for the person at the counter.</param>
/// <param name="Identifier">The pack.</param>
/// <param name="Lot">The pack's batch (as commissioned).</param>
/// <param name="Expiry">The batch's expiry as printed (YYMMDD).</param>
/// <param name="State">The pack's state, when known.</param>
/// <param name="Product">Product data, when the product is known.</param>
/// <param name="Manufacturer">Manufacturer name (partners always see it).</param>
/// <param name="FirstVerifiedAt">First verification of the pack.</param>
/// <param name="VerificationCount">Verifications so far (this one included when recorded).</param>
/// <param name="DispensedAt">When it was dispensed.</param>
/// <param name="DispensedLocation">Where it was dispensed (partners only).</param>
/// <param name="Scratch">What the scratch-code check found.</param>
/// <param name="ScratchFirstVerifiedAt">When the scratch code was first verified.</param>
public sealed record Verdict(
    VerdictCode Code,
    string? EmvsCode,
    string Message,
    string? Identifier,
    string? Lot,
    string? Expiry,
    PackState? State,
    ProductInfo? Product,
    string? Manufacturer,
    DateTimeOffset? FirstVerifiedAt,
    int VerificationCount,
    DateTimeOffset? DispensedAt,
    string? DispensedLocation,
    ScratchOutcome Scratch,
    DateTimeOffset? ScratchFirstVerifiedAt)
{
    /// <summary>snake_case name of the verdict.</summary>
    public string WireCode => WireText.Snake(Code.ToString());
}
