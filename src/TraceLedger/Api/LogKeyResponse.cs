namespace TraceLedger.Api;

/// <summary>How to trust this log: its origin, the C2SP verifier key string and the public key as base64 SPKI.</summary>
public sealed record LogKeyResponse(string Origin, string VerifierKey, string PublicKey);
