namespace TraceLedger.Storage;

/// <summary>What a log entry records. Registrations are log entries too, so the key history is auditable.</summary>
public enum EntryKind
{
    Hop = 1,
    PartyRegistered = 2,
    DeviceRegistered = 3,
    DeviceRevoked = 4,
    DeviceKeyRotated = 5,

    /// <summary>A manufacturer commissioned a batch; the entry lists every pack identifier of it.</summary>
    BatchCommissioned = 6,

    /// <summary>A batch (or a whole product) was recalled or withdrawn.</summary>
    BatchRecalled = 7,

    /// <summary>A GS1 company prefix was registered to a manufacturer: only it may commission GTINs under the prefix.</summary>
    CompanyPrefixRegistered = 8,
}
