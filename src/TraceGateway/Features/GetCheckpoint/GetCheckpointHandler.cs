using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.GetCheckpoint;

public sealed class GetCheckpointHandler(ILedgerClient ledger) : IRequestHandler<GetCheckpointQuery, CheckpointResponse>
{
    public Task<CheckpointResponse> Handle(GetCheckpointQuery request, CancellationToken cancellationToken) => ledger.GetCheckpointAsync(cancellationToken);
}
