using MediatR;

namespace TraceGateway.Features.RegisterCounterDevice;

/// <summary>
/// Makes sure a pharmacy has its counter device: the gateway makes the key (first time) and registers the device
/// through the ledger's registry like any device. Idempotent: a registered device is answered as it is, unless this
/// gateway can no longer open its key, in which case the device gets a new key through a registry key rotation.
/// </summary>
public sealed record RegisterCounterDeviceCommand(string? PartyGln) : IRequest<CounterDeviceResponse>;
