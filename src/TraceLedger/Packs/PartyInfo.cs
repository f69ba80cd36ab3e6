using TraceLedger.Storage;

namespace TraceLedger.Packs;

/// <summary>What the lifecycle needs to know about a registered party.</summary>
internal sealed record PartyInfo(string Gln, string Name, PartyRole Role, double? Latitude, double? Longitude);
