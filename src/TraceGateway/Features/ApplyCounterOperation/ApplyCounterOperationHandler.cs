using System.Globalization;
using MediatR;
using TraceChain.Protocol.Hops;
using TraceGateway.Counter;
using TraceGateway.Features.ApplyPackOperation;
using TraceGateway.Features.RegisterCounterDevice;
using TraceGateway.LedgerAccess;
using TraceLedger.Log;
using TraceLedger.Packs;

namespace TraceGateway.Features.ApplyCounterOperation;

public sealed class ApplyCounterOperationHandler(CounterDeviceCustody custody, IMediator mediator, ILedgerClient ledger, TimeProvider time, ILogger<ApplyCounterOperationHandler> logger)
    : IRequestHandler<ApplyCounterOperationCommand, PackOperationResult>
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
            var (deviceId, result) = await SignAndSendAsync(request, cancellationToken);
            if (result.Receipt.Reason != RefusalReason.CounterReplay)
            {
                return result;
            }

            // The store is behind the ledger (restored from a backup taken after hops were accepted): move its counter
            // past the ledger's last accepted one, durably, and try once more.
            if (await ledger.FindDeviceAsync(deviceId, cancellationToken) is not { } registered
                || !await custody.CatchUpCounterAsync(gln, deviceId, registered.LastCounter, cancellationToken))
            {
                return result;
            }

            logger.LogWarning("Counter device {DeviceId} was behind the ledger (last accepted counter {LastCounter}); its counter moved past it.", deviceId, registered.LastCounter);
            return (await SignAndSendAsync(request, cancellationToken)).Result;
        }
    }

    private async Task<(string DeviceId, PackOperationResult Result)> SignAndSendAsync(ApplyCounterOperationCommand request, CancellationToken cancellationToken)
    {
        var hop = await custody.SignNextAsync(request.PartyGln!, (deviceId, counter) => Build(request, deviceId, counter), cancellationToken);
        return (hop.Hop.DeviceId, await mediator.Send(new ApplyPackOperationCommand(hop, null), cancellationToken));
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
