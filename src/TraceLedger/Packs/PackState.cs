namespace TraceLedger.Packs;

/// <summary>The state of one pack (or logistic unit). Batch-level states (recalled, withdrawn, expired) are not stored per pack.</summary>
public enum PackState
{
    /// <summary>Commissioned and in circulation at its holder.</summary>
    Active = 0,

    /// <summary>Shipped to a named destination, not yet received.</summary>
    InTransit = 1,

    /// <summary>Supplied to a patient (EU FMD "supplied").</summary>
    Dispensed = 2,

    /// <summary>Destroyed.</summary>
    Destroyed = 3,

    /// <summary>Reported stolen.</summary>
    Stolen = 4,

    /// <summary>Locked by its holder (e.g. quarantine); reversible.</summary>
    Locked = 5,

    /// <summary>Taken as a sample.</summary>
    Sample = 6,

    /// <summary>Exported out of the market.</summary>
    Exported = 7,
}
