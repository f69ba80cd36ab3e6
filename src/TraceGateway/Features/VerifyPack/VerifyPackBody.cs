namespace TraceGateway.Features.VerifyPack;

/// <summary>POST /v1/verifications body: the scanned code (element string, Digital Link or China code) or the canonical identifier.</summary>
public sealed record VerifyPackBody(string? Scan, string? Identifier, string? Batch, string? Expiry, string? ScratchCode);
