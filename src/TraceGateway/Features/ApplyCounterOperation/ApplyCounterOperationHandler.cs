using System.Globalization;
using MediatR;
using TraceChain.Protocol.Hops;
using TraceGateway.Counter;
using TraceGateway.Features.ApplyPackOperation;
using TraceGateway.Features.RegisterCounterDevice;
using TraceLedger.Packs;

namespace TraceGateway.Features.ApplyCounterOperation;

public sealed class ApplyCounterOperationHandler(CounterDeviceCustody custody, IMediator mediator, TimeProvider time) : IRequestHandler<ApplyCounterOperationCommand, PackOperationResult>
{
    public async Task<PackOperationResult> Handle(ApplyCounterOperationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gln = request.PartyGln!;
        if (await custody.FindAsync(gln, cancellationToken) is not { RegisteredSeq: not null })
        {
            await mediator.Send(new RegisterCounterDeviceCommand(gln), cancellationToken); // first use
        }

        // Counter taken, hop signed and sent under one lock: hops of one device reach the ledger in counter order.
        using (await custody.LockAsync(gln, cancellationToken))
        {
            var hop = await custody.SignNextAsync(gln, (deviceId, counter) => Build(request, deviceId, counter), cancellationToken);
            return await mediator.Send(new ApplyPackOperationCommand(hop, null), cancellationToken);
        }
    }

    private Hop Build(ApplyCounterOperationCommand request, string deviceId, long counter)
    {
        var now = time.GetUtcNow();
        var utc = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var offset = time.LocalTimeZone.GetUtcOffset(utc);
        return new Hop(
            deviceId,
            counter,
            utc,
            (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture),
            BizStep.Dispensing,
            request.Action == CounterAction.Dispense ? Disposition.Dispensed : Disposition.Active,
            request.PartyGln!,
            [request.Identifier!],
            Batch: request.Batch,
            Expiry: request.Expiry,
            RawScan: request.RawScan);
    }
}
