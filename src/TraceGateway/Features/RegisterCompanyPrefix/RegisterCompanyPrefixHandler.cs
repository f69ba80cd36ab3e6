using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.RegisterCompanyPrefix;

public sealed class RegisterCompanyPrefixHandler(ILedgerClient ledger) : IRequestHandler<RegisterCompanyPrefixCommand, RegistryResponse>
{
    public async Task<RegistryResponse> Handle(RegisterCompanyPrefixCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RegistryResponse(await ledger.RegisterCompanyPrefixAsync(new CompanyPrefixBody(request.Prefix, request.PartyGln), cancellationToken));
    }
}
