namespace TraceLedger.Api;

/// <summary>POST /v1/devices body: the device id, its party's GLN and its public key as base64 DER SPKI.</summary>
public sealed record DeviceRequest(string? DeviceId, string? PartyGln, string? PublicKey);
