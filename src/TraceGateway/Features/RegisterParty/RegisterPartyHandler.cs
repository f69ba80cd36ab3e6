using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.RegisterParty;

public sealed class RegisterPartyHandler(ILedgerClient ledger) : IRequestHandler<RegisterPartyCommand, RegistryResponse>
{
    public async Task<RegistryResponse> Handle(RegisterPartyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var party = new PartyRequest(request.Gln, request.Name, request.Role, request.Latitude, request.Longitude);
        return new RegistryResponse(await ledger.RegisterPartyAsync(party, cancellationToken));
    }
}
