namespace TraceLedger.Api;

/// <summary>POST /v1/devices/{id}/keys body: the new public key as base64 DER SPKI.</summary>
public sealed record KeyRotationRequest(string? PublicKey);
