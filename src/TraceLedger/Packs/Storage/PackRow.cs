namespace TraceLedger.Packs.Storage;

/// <summary>
/// One serialised pack, or one logistic unit (case, pallet: <see cref="IsContainer"/>), keyed by its canonical
/// identifier (<c>gtin:…:ser:…</c>, <c>cn:…</c>, <c>sscc:…</c>). The read model verdicts are answered from.
/// </summary>
public sealed class PackRow
{
    public string Identifier { get; set; } = "";

    public long? BatchId { get; set; }

    public bool IsContainer { get; set; }

    public int State { get; set; }

    public long StateAtMs { get; set; }

    /// <summary>Party holding the pack (the last receiver); for a pack in transit, the shipper.</summary>
    public string? HolderGln { get; set; }

    /// <summary>Party a pack in transit was shipped to.</summary>
    public string? DestinationGln { get; set; }

    /// <summary>Container the pack is in (canonical SSCC identifier), if aggregated.</summary>
    public string? ParentId { get; set; }

    public long? DispensedAtMs { get; set; }

    public string? DispensedLocation { get; set; }

    public string? DispensedBy { get; set; }

    public string? LastSeenGln { get; set; }

    public long? LastSeenAtMs { get; set; }

    public long? FirstVerifiedAtMs { get; set; }

    public int VerificationCount { get; set; }

    public int ConsumerCheckCount { get; set; }

    /// <summary>HMAC-SHA-256 of the scratch-off code under the server secret; the code itself is never stored.</summary>
    public byte[]? ScratchHash { get; set; }

    public long? ScratchFirstVerifiedAtMs { get; set; }

    public int ScratchFailures { get; set; }
}
