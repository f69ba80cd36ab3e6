namespace TraceLedger.Storage;

/// <summary>What a party does in the supply chain.</summary>
public enum PartyRole
{
    Manufacturer = 1,
    Distributor = 2,
    Pharmacy = 3,
    Regulator = 4,
}
