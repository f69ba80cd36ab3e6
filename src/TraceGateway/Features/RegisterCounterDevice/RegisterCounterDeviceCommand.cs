using MediatR;

namespace TraceGateway.Features.RegisterCounterDevice;

/// <summary>
/// Makes sure a pharmacy has its counter device: the gateway makes the key (first time) and registers the device
/// through the ledger's registry like any device. Idempotent: a registered device is answered as it is.
/// </summary>
public sealed record RegisterCounterDeviceCommand(string? PartyGln) : IRequest<CounterDeviceResponse>;
