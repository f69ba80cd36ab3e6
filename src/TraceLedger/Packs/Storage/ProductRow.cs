namespace TraceLedger.Packs.Storage;

/// <summary>A product (one GTIN) with the data the manufacturer gave when commissioning its first batch.</summary>
public sealed class ProductRow
{
    public string Gtin { get; set; } = "";

    public string OwnerGln { get; set; } = "";

    public string Name { get; set; } = "";

    public string Strength { get; set; } = "";

    public string Form { get; set; } = "";

    public int PackSize { get; set; }

    /// <summary>Whether consumers may see the manufacturer's name (the consumer view shows nothing else about parties).</summary>
    public bool PublishManufacturer { get; set; }
}
