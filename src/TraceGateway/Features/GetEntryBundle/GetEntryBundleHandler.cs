using MediatR;
using TraceGateway.Errors;
using TraceGateway.LedgerAccess;

namespace TraceGateway.Features.GetEntryBundle;

public sealed class GetEntryBundleHandler(ILedgerClient ledger) : IRequestHandler<GetEntryBundleQuery, byte[]>
{
    public async Task<byte[]> Handle(GetEntryBundleQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ledger.GetBundleAsync(request.Seq, cancellationToken) ?? throw new NotFoundException($"There is no entry {request.Seq}.");
    }
}
