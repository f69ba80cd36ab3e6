using MediatR;
using TraceGateway.Errors;
using TraceGateway.LedgerAccess;

namespace TraceGateway.Features.GetEntry;

public sealed class GetEntryHandler(ILedgerClient ledger) : IRequestHandler<GetEntryQuery, byte[]>
{
    public async Task<byte[]> Handle(GetEntryQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ledger.GetEntryAsync(request.Seq, cancellationToken) ?? throw new NotFoundException($"There is no entry {request.Seq}.");
    }
}
