using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.GetInclusionProof;

public sealed class GetInclusionProofHandler(ILedgerClient ledger) : IRequestHandler<GetInclusionProofQuery, InclusionProofResponse>
{
    public Task<InclusionProofResponse> Handle(GetInclusionProofQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ledger.GetInclusionProofAsync(request.Seq!.Value, request.Size, cancellationToken);
    }
}
