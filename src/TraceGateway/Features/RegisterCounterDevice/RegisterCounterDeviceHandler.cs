using MediatR;
using TraceGateway.Counter;
using TraceGateway.Features.RegisterDevice;
using TraceGateway.Features.RotateDeviceKey;

namespace TraceGateway.Features.RegisterCounterDevice;

public sealed class RegisterCounterDeviceHandler(CounterDeviceCustody custody, IMediator mediator) : IRequestHandler<RegisterCounterDeviceCommand, CounterDeviceResponse>
{
    public async Task<CounterDeviceResponse> Handle(RegisterCounterDeviceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gln = request.PartyGln!;
        using (await custody.LockAsync(gln, cancellationToken))
        {
            var device = await custody.GetOrCreateAsync(gln, cancellationToken);
            if (device.RegisteredSeq is not { } seq)
            {
                // The same registry use case as POST /v1/devices, so the log records the device like any other.
                seq = (await mediator.Send(new RegisterDeviceCommand(device.DeviceId, gln, device.PublicKey), cancellationToken)).Seq;
                await custody.MarkRegisteredAsync(gln, seq, cancellationToken);
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
}
