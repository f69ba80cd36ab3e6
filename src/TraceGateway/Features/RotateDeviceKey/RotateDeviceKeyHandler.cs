using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.RotateDeviceKey;

public sealed class RotateDeviceKeyHandler(ILedgerClient ledger) : IRequestHandler<RotateDeviceKeyCommand, RegistryResponse>
{
    public async Task<RegistryResponse> Handle(RotateDeviceKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RegistryResponse(await ledger.RotateDeviceKeyAsync(request.DeviceId!, new KeyRotationRequest(request.PublicKey), cancellationToken));
    }
}
