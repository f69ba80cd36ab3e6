using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Packs;

namespace TraceGateway.Features.ApplyPackOperation;

public sealed class ApplyPackOperationHandler(ILedgerClient ledger) : IRequestHandler<ApplyPackOperationCommand, PackOperationResult>
{
    public Task<PackOperationResult> Handle(ApplyPackOperationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ledger.ApplyPackOperationAsync(request.Hop!, cancellationToken);
    }
}
