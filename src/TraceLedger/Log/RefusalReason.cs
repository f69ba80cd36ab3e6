namespace TraceLedger.Log;

/// <summary>Why the ledger refused a hop. Stable names: clients switch on them.</summary>
public enum RefusalReason
{
    /// <summary>The hop breaks the field rules (or its JSON could not be read).</summary>
    MalformedHop = 1,

    /// <summary>No device with the hop's device id is registered.</summary>
    UnknownDevice = 2,

    /// <summary>The device was revoked before this hop arrived.</summary>
    DeviceRevoked = 3,

    /// <summary>The signature does not verify with the device's current key.</summary>
    BadSignature = 4,

    /// <summary>The counter is not above the last one accepted from the device: a replay or a reordered hop.</summary>
    CounterReplay = 5,

    /// <summary>A pack-lifecycle rule refused the hop.</summary>
    RuleViolation = 6,

    /// <summary>The hop is signed with a key the device has since replaced.</summary>
    KeyRetired = 7,
}
