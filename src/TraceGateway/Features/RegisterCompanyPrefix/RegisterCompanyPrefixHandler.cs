using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.RegisterCompanyPrefix;

public sealed class RegisterCompanyPrefixHandler(ILedgerClient ledger) : IRequestHandler<RegisterCompanyPrefixCommand, bool>
{
    public async Task<bool> Handle(RegisterCompanyPrefixCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ledger.RegisterCompanyPrefixAsync(new CompanyPrefixBody(request.Prefix, request.PartyGln), cancellationToken);
        return true;
    }
}
