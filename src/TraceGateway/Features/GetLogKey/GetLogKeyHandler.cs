using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.GetLogKey;

public sealed class GetLogKeyHandler(ILedgerClient ledger) : IRequestHandler<GetLogKeyQuery, LogKeyResponse>
{
    public Task<LogKeyResponse> Handle(GetLogKeyQuery request, CancellationToken cancellationToken) => ledger.GetLogKeyAsync(cancellationToken);
}
