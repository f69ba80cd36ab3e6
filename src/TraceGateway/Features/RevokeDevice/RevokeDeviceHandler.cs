using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.RevokeDevice;

public sealed class RevokeDeviceHandler(ILedgerClient ledger) : IRequestHandler<RevokeDeviceCommand, RegistryResponse>
{
    public async Task<RegistryResponse> Handle(RevokeDeviceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RegistryResponse(await ledger.RevokeDeviceAsync(request.DeviceId!, cancellationToken));
    }
}
