namespace TraceLedger.Storage;

/// <summary>A scanner or agent that signs hops on behalf of a party.</summary>
public sealed class DeviceRow
{
    public string DeviceId { get; set; } = "";

    public string PartyGln { get; set; } = "";

    public bool Active { get; set; }

    /// <summary>The highest hop counter accepted from this device; a hop must exceed it.</summary>
    public long LastCounter { get; set; }

    public long RegisteredSeq { get; set; }

    public long? RevokedSeq { get; set; }
}
