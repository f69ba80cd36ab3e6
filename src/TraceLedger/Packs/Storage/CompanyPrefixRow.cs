namespace TraceLedger.Packs.Storage;

/// <summary>A GS1 company prefix (6-12 digits) registered to the manufacturer party that owns GTINs under it.</summary>
public sealed class CompanyPrefixRow
{
    public string Prefix { get; set; } = "";

    public string PartyGln { get; set; } = "";
}
