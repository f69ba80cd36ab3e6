using MediatR;

namespace TraceGateway.Features.CreateApiKey;

/// <summary>Issues an API key with a role for a subject: a party GLN for party roles, an operator name for admin.</summary>
public sealed record CreateApiKeyCommand(string? Role, string? Subject) : IRequest<CreatedApiKey>;
