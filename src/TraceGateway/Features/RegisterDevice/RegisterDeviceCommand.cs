using MediatR;
using TraceLedger.Api;

namespace TraceGateway.Features.RegisterDevice;

/// <summary>Registers a scanner device of a party with its public key (base64 DER SPKI).</summary>
public sealed record RegisterDeviceCommand(string? DeviceId, string? PartyGln, string? PublicKey) : IRequest<RegistryResponse>;
