namespace TraceLedger.Packs;

/// <summary>The answer to "is this pack genuine?", EMVS-style. Wire names are snake_case.</summary>
public enum VerdictCode
{
    /// <summary>Commissioned, in circulation, nothing against it.</summary>
    Genuine = 1,

    /// <summary>The GTIN was never commissioned by anyone.</summary>
    UnknownProduct,

    /// <summary>The batch read does not exist for this product (EMVS A2).</summary>
    UnknownBatch,

    /// <summary>The serial was never commissioned (EMVS A3): possible counterfeit.</summary>
    UnknownSerial,

    /// <summary>The batch read is not the pack's batch (EMVS A68).</summary>
    BatchMismatch,

    /// <summary>The expiry read is not the batch's expiry (EMVS A52).</summary>
    ExpiryMismatch,

    /// <summary>Already dispensed (EMVS A7).</summary>
    AlreadyDispensed,

    /// <summary>The batch is recalled.</summary>
    Recalled,

    /// <summary>The product is withdrawn.</summary>
    Withdrawn,

    /// <summary>Past its expiry date.</summary>
    Expired,

    /// <summary>Reported stolen.</summary>
    Stolen,

    /// <summary>Destroyed.</summary>
    Destroyed,

    /// <summary>Locked by its holder.</summary>
    Locked,

    /// <summary>Taken as a sample.</summary>
    Sample,

    /// <summary>Exported out of the market.</summary>
    Exported,

    /// <summary>Something points at a copy: its serial was seen where it could not be, or its scratch code does not match or is locked.</summary>
    Suspect,
}
