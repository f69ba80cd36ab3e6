using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.RegisterDevice;

public sealed class RegisterDeviceHandler(ILedgerClient ledger) : IRequestHandler<RegisterDeviceCommand, RegistryResponse>
{
    public async Task<RegistryResponse> Handle(RegisterDeviceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RegistryResponse(await ledger.RegisterDeviceAsync(new DeviceRequest(request.DeviceId, request.PartyGln, request.PublicKey), cancellationToken));
    }
}
