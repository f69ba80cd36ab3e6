namespace TraceGateway.Features.CreateApiKey;

/// <summary>A new key: <see cref="Key"/> is shown only in this answer (only its hash is stored); <see cref="KeyId"/> names it for revocation.</summary>
public sealed record CreatedApiKey(string KeyId, string Key, string Role, string Subject);
