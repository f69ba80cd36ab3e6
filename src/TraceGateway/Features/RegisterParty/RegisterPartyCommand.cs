using MediatR;
using TraceLedger.Api;

namespace TraceGateway.Features.RegisterParty;

/// <summary>Registers a supply-chain party (recorded as a log entry).</summary>
public sealed record RegisterPartyCommand(string? Gln, string? Name, string? Role, double? Latitude, double? Longitude) : IRequest<RegistryResponse>;
