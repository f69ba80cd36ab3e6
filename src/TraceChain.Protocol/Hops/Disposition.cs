namespace TraceChain.Protocol.Hops;

/// <summary>
/// Dispositions from the GS1 Core Business Vocabulary (CBV 2.0): the business state of the goods after a hop.
/// The wire name is the CBV bare name (e.g. <c>in_transit</c>); see <see cref="CbvVocabulary"/>.
/// </summary>
public enum Disposition
{
    /// <summary><c>active</c>: commissioned and in circulation.</summary>
    Active,

    /// <summary><c>in_transit</c>: shipped, not yet received.</summary>
    InTransit,

    /// <summary><c>in_progress</c>: in a business process (e.g. being received, inspected).</summary>
    InProgress,

    /// <summary><c>sellable_accessible</c>: on a shelf, available.</summary>
    SellableAccessible,

    /// <summary><c>sellable_not_accessible</c>: sellable but in storage.</summary>
    SellableNotAccessible,

    /// <summary><c>non_sellable_other</c>: not sellable for another reason (e.g. quarantine).</summary>
    NonSellableOther,

    /// <summary><c>dispensed</c>: handed to a patient.</summary>
    Dispensed,

    /// <summary><c>partially_dispensed</c>: a pack was opened and partly handed out.</summary>
    PartiallyDispensed,

    /// <summary><c>destroyed</c>: destroyed.</summary>
    Destroyed,

    /// <summary><c>stolen</c>: reported stolen.</summary>
    Stolen,

    /// <summary><c>recalled</c>: subject to a recall.</summary>
    Recalled,

    /// <summary><c>expired</c>: past its expiry date.</summary>
    Expired,

    /// <summary><c>damaged</c>: damaged.</summary>
    Damaged,

    /// <summary><c>returned</c>: returned to a supplier.</summary>
    Returned,

    /// <summary><c>container_closed</c>: a case or pallet is sealed.</summary>
    ContainerClosed,

    /// <summary><c>container_open</c>: a case or pallet is opened.</summary>
    ContainerOpen,

    /// <summary><c>inactive</c>: decommissioned, may be reactivated.</summary>
    Inactive,

    /// <summary><c>unknown</c>: state not known.</summary>
    Unknown,
}
