using TraceLedger.Storage;

namespace TraceLedger.Packs;

/// <summary>Everything a lifecycle decision looks at: the pack as stored, its batch's status and who acts where.</summary>
/// <param name="State">The pack's state.</param>
/// <param name="IsContainer">True for a case or pallet (SSCC).</param>
/// <param name="Holder">Party holding the pack (for one in transit: the shipper).</param>
/// <param name="Destination">Party a pack in transit goes to.</param>
/// <param name="Parent">Container the pack is in, if any.</param>
/// <param name="DispensedLocation">Location GLN of the dispense, for a dispensed pack.</param>
/// <param name="DispensedAt">When it was dispensed (ledger clock).</param>
/// <param name="Recalled">The batch or product is recalled.</param>
/// <param name="Withdrawn">The product is withdrawn.</param>
/// <param name="Expired">The batch is past its expiry date.</param>
/// <param name="Actor">GLN of the acting party (the device's party).</param>
/// <param name="ActorRole">Role of the acting party.</param>
/// <param name="Location">Location GLN of the hop.</param>
/// <param name="HopDestination">Destination named by the hop (shipping).</param>
/// <param name="HopParent">Parent named by the hop (packing, unpacking).</param>
/// <param name="Now">Ledger time of the decision.</param>
public sealed record PackFacts(
    PackState State,
    bool IsContainer,
    string? Holder,
    string? Destination,
    string? Parent,
    string? DispensedLocation,
    DateTimeOffset? DispensedAt,
    bool Recalled,
    bool Withdrawn,
    bool Expired,
    string Actor,
    PartyRole? ActorRole,
    string Location,
    string? HopDestination,
    string? HopParent,
    DateTimeOffset Now);
