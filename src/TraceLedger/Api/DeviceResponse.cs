namespace TraceLedger.Api;

/// <summary>
/// GET /v1/devices/{id}: the device's party, status, newest key (base64 DER SPKI) with the entry that gave it, and the
/// counter of its last accepted hop (-1 before any), above which its next hop's counter must be.
/// </summary>
public sealed record DeviceResponse(string DeviceId, string PartyGln, bool Active, string PublicKey, long KeySeq, long LastCounter);
