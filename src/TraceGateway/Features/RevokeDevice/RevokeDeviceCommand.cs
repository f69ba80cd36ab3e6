using MediatR;
using TraceLedger.Api;

namespace TraceGateway.Features.RevokeDevice;

/// <summary>Revokes a device: its later hops are refused, its earlier ones stay in the log.</summary>
public sealed record RevokeDeviceCommand(string? DeviceId) : IRequest<RegistryResponse>;
