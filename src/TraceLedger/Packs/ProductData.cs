namespace TraceLedger.Packs;

/// <summary>Product data given at commissioning.</summary>
/// <param name="Name">Product name, e.g. "Amoxicillin".</param>
/// <param name="Strength">e.g. "500 mg".</param>
/// <param name="Form">Dosage form, e.g. "capsule".</param>
/// <param name="PackSize">Units per pack.</param>
/// <param name="PublishManufacturer">Whether consumers may see the manufacturer's name.</param>
public sealed record ProductData(string Name, string Strength, string Form, int PackSize, bool PublishManufacturer = true);
