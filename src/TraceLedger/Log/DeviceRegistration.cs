namespace TraceLedger.Log;

/// <summary>A device to register for a party, with its ECDSA P-256 public key as SubjectPublicKeyInfo (DER).</summary>
public sealed record DeviceRegistration(string DeviceId, string PartyGln, byte[] PublicKeySpki);
