using MediatR;

namespace TraceGateway.Features.RegisterCompanyPrefix;

/// <summary>Registers a GS1 company prefix to a manufacturer party: only it may commission GTINs under the prefix.</summary>
public sealed record RegisterCompanyPrefixCommand(string? Prefix, string? PartyGln) : IRequest<bool>;
