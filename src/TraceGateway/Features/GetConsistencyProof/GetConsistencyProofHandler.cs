using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.GetConsistencyProof;

public sealed class GetConsistencyProofHandler(ILedgerClient ledger) : IRequestHandler<GetConsistencyProofQuery, ConsistencyProofResponse>
{
    public Task<ConsistencyProofResponse> Handle(GetConsistencyProofQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ledger.GetConsistencyProofAsync(request.From!.Value, request.To, cancellationToken);
    }
}
