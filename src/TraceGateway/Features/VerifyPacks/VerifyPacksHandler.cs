using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;

namespace TraceGateway.Features.VerifyPacks;

/// <summary>Verifies each item as the calling party; an unreadable code fails only its own item.</summary>
public sealed class VerifyPacksHandler(ILedgerClient ledger) : IRequestHandler<VerifyPacksCommand, VerifyPacksResponse>
{
    public async Task<VerifyPacksResponse> Handle(VerifyPacksCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = new List<VerifyPacksItem>(request.Items!.Count);
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            try
            {
                var verdict = await ledger.VerifyAsync(new VerifyBody(item.Scan, item.Identifier, item.Batch, item.Expiry, item.ScratchCode, request.PartyGln), cancellationToken);
                results.Add(new VerifyPacksItem(i, verdict, null));
            }
            catch (LedgerRefusedException e)
            {
                results.Add(new VerifyPacksItem(i, null, e.Message));
            }
        }

        return new VerifyPacksResponse(results);
    }
}
