using MediatR;
using TraceLedger.Api;

namespace TraceGateway.Features.RegisterCompanyPrefix;

/// <summary>
/// Registers a GS1 company prefix to a manufacturer party: only it may commission GTINs under the prefix. Answers the
/// log entry that records the registration.
/// </summary>
public sealed record RegisterCompanyPrefixCommand(string? Prefix, string? PartyGln) : IRequest<RegistryResponse>;
