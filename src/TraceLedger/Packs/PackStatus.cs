namespace TraceLedger.Packs;

/// <summary>Where a pack (or case, pallet) stands: for partners and the operations screens.</summary>
public sealed record PackStatus(
    string Identifier,
    bool IsContainer,
    PackState State,
    string? Holder,
    string? Destination,
    string? Parent,
    string? Gtin,
    string? Lot,
    string? Expiry,
    DateTimeOffset? DispensedAt,
    string? DispensedLocation);
