using MediatR;

namespace TraceGateway.Features.RevokeApiKey;

/// <summary>Revokes the API key with this id (the part of the key before the dot).</summary>
public sealed record RevokeApiKeyCommand(string? KeyId) : IRequest<bool>;
