namespace TraceLedger.Storage;

/// <summary>A supply-chain party, identified by its GLN.</summary>
public sealed class PartyRow
{
    public string Gln { get; set; } = "";

    public string Name { get; set; } = "";

    public PartyRole Role { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>The log entry that registered the party.</summary>
    public long RegisteredSeq { get; set; }
}
