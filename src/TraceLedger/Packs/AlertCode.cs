namespace TraceLedger.Packs;

/// <summary>What an alert reports. Wire names are snake_case (<see cref="Alerts.WireName"/>).</summary>
public enum AlertCode
{
    /// <summary>A serial that was never commissioned was verified or scanned (EMVS A3): possible counterfeit.</summary>
    UnknownSerial = 1,

    /// <summary>A batch that does not exist for the product was read (EMVS A2).</summary>
    UnknownBatch,

    /// <summary>The batch read differs from the pack's batch (EMVS A68).</summary>
    BatchMismatch,

    /// <summary>The expiry read differs from the batch's expiry (EMVS A52).</summary>
    ExpiryMismatch,

    /// <summary>The same serial seen at two places farther apart than travel allows in the time between: a clone.</summary>
    ImpossibleTravel,

    /// <summary>A second pharmacy tried to dispense an already dispensed pack.</summary>
    SecondDispense,

    /// <summary>Goods received without a shipment to receive.</summary>
    ReceiptWithoutShipment,

    /// <summary>Goods received by a party that is not the shipment's destination.</summary>
    Diversion,

    /// <summary>A consumer checked a pack long after it was dispensed.</summary>
    LateConsumerCheck,

    /// <summary>Consumers checked one pack more often than plausible.</summary>
    FrequentConsumerChecks,

    /// <summary>A scratch code was verified again after its first verification.</summary>
    ScratchReverified,

    /// <summary>Too many wrong scratch codes for one pack: its scratch check locked.</summary>
    ScratchBruteForce,
}
