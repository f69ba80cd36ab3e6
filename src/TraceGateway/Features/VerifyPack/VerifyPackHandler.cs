using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;
using TraceLedger.Packs;

namespace TraceGateway.Features.VerifyPack;

public sealed class VerifyPackHandler(ILedgerClient ledger) : IRequestHandler<VerifyPackCommand, Verdict>
{
    public Task<Verdict> Handle(VerifyPackCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ledger.VerifyAsync(new VerifyBody(request.Scan, request.Identifier, request.Batch, request.Expiry, request.ScratchCode, request.PartyGln), cancellationToken);
    }
}
