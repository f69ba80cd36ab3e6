using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>A party to register: GLN (13 digits, valid check digit), display name, role and optional location.</summary>
public sealed record PartyRegistration(string Gln, string Name, PartyRole Role, double? Latitude = null, double? Longitude = null);
