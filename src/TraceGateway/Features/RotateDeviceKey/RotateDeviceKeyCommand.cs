using MediatR;
using TraceLedger.Api;

namespace TraceGateway.Features.RotateDeviceKey;

/// <summary>Gives a device a new public key; hops signed with the old key before stay verifiable.</summary>
public sealed record RotateDeviceKeyCommand(string? DeviceId, string? PublicKey) : IRequest<RegistryResponse>;
