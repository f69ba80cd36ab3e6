namespace TraceLedger.Packs;

/// <summary>What a hop does to the packs it names, derived from its business step and disposition (see docs/packs.md).</summary>
public enum PackOperation
{
    /// <summary>A hop the lifecycle does not accept (e.g. commissioning by a device: use the commissioning service).</summary>
    Unsupported,

    /// <summary>A read that changes nothing (inspecting, storing, stocking, …); still feeds plausibility checks.</summary>
    Observe,

    /// <summary>packing: packs into a parent case or pallet.</summary>
    Pack,

    /// <summary>unpacking: packs out of their parent.</summary>
    Unpack,

    /// <summary>shipping to a destination party.</summary>
    Ship,

    /// <summary>void_shipping: the shipper cancels a shipment not yet received.</summary>
    VoidShipment,

    /// <summary>receiving at the shipment's destination.</summary>
    Receive,

    /// <summary>dispensing with disposition dispensed: supplied to a patient.</summary>
    Dispense,

    /// <summary>dispensing with disposition active: undo of a dispense.</summary>
    UndoDispense,

    /// <summary>destroying (or decommissioning with disposition destroyed).</summary>
    Destroy,

    /// <summary>any step with disposition stolen.</summary>
    ReportStolen,

    /// <summary>holding with disposition non_sellable_other: lock.</summary>
    Lock,

    /// <summary>holding with disposition active or sellable_*: unlock.</summary>
    Unlock,

    /// <summary>sampling.</summary>
    Sample,

    /// <summary>decommissioning with disposition inactive: exported.</summary>
    Export,
}
