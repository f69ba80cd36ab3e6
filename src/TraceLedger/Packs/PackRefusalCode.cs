namespace TraceLedger.Packs;

/// <summary>Why a pack operation was refused. The wire name is the snake_case name (see <see cref="PackRefusal"/>).</summary>
public enum PackRefusalCode
{
    /// <summary>The hop's step and disposition are not a pack operation the ledger accepts from a device.</summary>
    UnsupportedOperation = 1,

    /// <summary>A named pack was never commissioned (EMVS A3 for serials).</summary>
    UnknownPack,

    /// <summary>The acting party does not hold the pack.</summary>
    NotHolder,

    /// <summary>The pack's state does not allow the operation.</summary>
    WrongState,

    /// <summary>The pack is already in the requested state (EMVS A7).</summary>
    AlreadyInState,

    /// <summary>The pack was already dispensed (EMVS A7).</summary>
    AlreadyDispensed,

    /// <summary>Shipping needs a destination party.</summary>
    DestinationRequired,

    /// <summary>Received goods were not shipped (no shipment in transit).</summary>
    NoMatchingShipment,

    /// <summary>Received by a party that is not the shipment's destination (diversion).</summary>
    NotShipmentDestination,

    /// <summary>Only a pharmacy dispenses.</summary>
    NotPharmacy,

    /// <summary>Undo of a dispense after the policy window.</summary>
    UndoWindowPassed,

    /// <summary>Undo of a dispense from another location than the dispense.</summary>
    UndoWrongLocation,

    /// <summary>The pack is not dispensed, so there is nothing to undo.</summary>
    NotDispensed,

    /// <summary>The pack is not locked, so it cannot be unlocked.</summary>
    NotLocked,

    /// <summary>The batch (or product) is recalled.</summary>
    Recalled,

    /// <summary>The product is withdrawn.</summary>
    Withdrawn,

    /// <summary>The batch is past its expiry date.</summary>
    Expired,

    /// <summary>The pack is in a case or pallet: move the parent, or unpack it first.</summary>
    InsideContainer,

    /// <summary>The pack already belongs to another parent.</summary>
    AlreadyAggregated,

    /// <summary>The pack is not in the named parent.</summary>
    NotInParent,

    /// <summary>Packing would put a container inside itself.</summary>
    AggregationCycle,

    /// <summary>The operation applies to packs, not to cases or pallets (or the parent is not a container).</summary>
    NotApplicableToContainer,
}
