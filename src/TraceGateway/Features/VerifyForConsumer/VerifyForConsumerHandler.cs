using MediatR;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;
using TraceLedger.Packs;

namespace TraceGateway.Features.VerifyForConsumer;

/// <summary>
/// Asks the pack lifecycle for the consumer view of a verdict (recorded there, so repeated and late checks raise
/// alerts). A code the ledger cannot read becomes the <see cref="VerifyForConsumerQuery.InvalidCode"/> verdict naming
/// the problem, so the page can say "check the code" instead of failing.
/// </summary>
public sealed class VerifyForConsumerHandler(ILedgerClient ledger) : IRequestHandler<VerifyForConsumerQuery, ConsumerVerdict>
{
    public async Task<ConsumerVerdict> Handle(VerifyForConsumerQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scan = string.IsNullOrWhiteSpace(request.DigitalLink) ? request.TypedCode : request.DigitalLink;
        var scratch = string.IsNullOrWhiteSpace(request.ScratchCode) ? null : request.ScratchCode.Trim();
        try
        {
            return await ledger.VerifyForConsumerAsync(
                new VerifyBody(string.IsNullOrWhiteSpace(scan) ? null : scan.Trim(), null, null, null, scratch, null), cancellationToken);
        }
        catch (LedgerRefusedException e)
        {
            return new ConsumerVerdict(VerifyForConsumerQuery.InvalidCode, e.Message, null, null, null, null, null, 0, null, "not_checked");
        }
    }
}
