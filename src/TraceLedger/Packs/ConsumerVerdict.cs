namespace TraceLedger.Packs;

/// <summary>
/// The consumer view of a verification: the verdict, product data and dates, never a partner's identity or a
/// location; the manufacturer's name only when it chose to publish it.
/// </summary>
public sealed record ConsumerVerdict(
    string Code,
    string Message,
    ProductInfo? Product,
    string? Manufacturer,
    string? Lot,
    string? Expiry,
    DateTimeOffset? FirstVerifiedAt,
    int VerificationCount,
    DateOnly? DispensedOn,
    string Scratch);
