using MediatR;
using TraceGateway.Counter;
using TraceGateway.Features.RegisterDevice;
using TraceGateway.Features.RotateDeviceKey;
using TraceGateway.LedgerAccess;

namespace TraceGateway.Features.RegisterCounterDevice;

public sealed class RegisterCounterDeviceHandler(CounterDeviceCustody custody, IMediator mediator, ILedgerClient ledger) : IRequestHandler<RegisterCounterDeviceCommand, CounterDeviceResponse>
{
    // Each lost store costs one device id; this many in a row means something else is wrong.
    private const int MaxDeviceIds = 100;

    public async Task<CounterDeviceResponse> Handle(RegisterCounterDeviceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gln = request.PartyGln!;
        using (await custody.LockAsync(gln, cancellationToken))
        {
            var device = await custody.GetOrCreateAsync(gln, cancellationToken);
            if (device.RegisteredSeq is not { } seq)
            {
                (device, seq) = await RegisterAsync(device, cancellationToken);
            }
            else if (!await custody.CanOpenKeyAsync(gln, cancellationToken))
            {
                // The stored key is unusable here (key ring lost): rotate to a new one through the registry, like any device.
                device = await custody.RekeyAsync(
                    device,
                    async publicKey => (await mediator.Send(new RotateDeviceKeyCommand(device.DeviceId, publicKey), cancellationToken)).Seq,
                    cancellationToken);
                seq = device.RegisteredSeq!.Value;
            }

            return new CounterDeviceResponse(gln, device.DeviceId, device.KeyId, device.PublicKey, seq);
        }
    }

    /// <summary>
    /// Registers the device, recovering from a registration the ledger holds but this store never recorded: after a
    /// crash between the two, the ledger has our key and the registration is adopted; after the store was lost, the
    /// ledger has a key we no longer hold (or the device was revoked) and the device moves to the next device id.
    /// </summary>
    private async Task<(CounterDevice Device, long Seq)> RegisterAsync(CounterDevice device, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            long seq;
            try
            {
                // The same registry use case as POST /v1/devices, so the log records the device like any other.
                seq = (await mediator.Send(new RegisterDeviceCommand(device.DeviceId, device.PartyGln, device.PublicKey), cancellationToken)).Seq;
            }
            catch (LedgerRefusedException)
            {
                var registered = await ledger.FindDeviceAsync(device.DeviceId, cancellationToken);
                if (registered is null || attempt >= MaxDeviceIds)
                {
                    throw; // refused for another reason (e.g. the party is not registered)
                }

                if (registered.Active && registered.PartyGln == device.PartyGln && registered.PublicKey == device.PublicKey)
                {
                    seq = registered.KeySeq;
                }
                else
                {
                    device = await custody.MoveToDeviceIdAsync(device, device.NextDeviceId(), cancellationToken);
                    continue;
                }
            }

            await custody.MarkRegisteredAsync(device.PartyGln, seq, cancellationToken);
            return (device with { RegisteredSeq = seq }, seq);
        }
    }
}
