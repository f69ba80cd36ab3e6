using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.CloseAlert;

public sealed class CloseAlertHandler(ILedgerClient ledger) : IRequestHandler<CloseAlertCommand, bool>
{
    public async Task<bool> Handle(CloseAlertCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ledger.CloseAlertAsync(request.Id, new CloseAlertBody(request.RootCause, request.Note), cancellationToken);
        return true;
    }
}
