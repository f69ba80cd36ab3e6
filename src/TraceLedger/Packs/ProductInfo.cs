namespace TraceLedger.Packs;

/// <summary>Product data shown with a verdict.</summary>
public sealed record ProductInfo(string Gtin, string Name, string Strength, string Form, int PackSize);
