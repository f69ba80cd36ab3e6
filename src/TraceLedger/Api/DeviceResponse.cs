namespace TraceLedger.Api;

/// <summary>GET /v1/devices/{id}: the device's party, status and newest key (base64 DER SPKI) with the entry that gave it.</summary>
public sealed record DeviceResponse(string DeviceId, string PartyGln, bool Active, string PublicKey, long KeySeq);
