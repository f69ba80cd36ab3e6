using System.Threading.Channels;
using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Client;

/// <summary>The per-connection loops: the read loop, message delivery and keep-alive.</summary>
internal sealed class MqttSession(
    MqttClientOptions options,
    MqttConnection connection,
    InFlightTable inFlight,
    Func<MqttMessage, CancellationToken, Task> handler,
    Action onPingResponse,
    TaskCompletionSource<ConnAckPacket> connAck)
{
    private readonly Channel<PublishPacket> deliveries = Channel.CreateBounded<PublishPacket>(
        new BoundedChannelOptions(options.DeliveryQueueCapacity) { SingleReader = true, SingleWriter = true });

    // True while the read loop waits for the handler: silence from the broker is then our doing, not a dead link.
    private volatile bool deliveryBlocked;

    public void Start()
    {
        _ = Task.Run(() => connection.ReadLoopAsync(options.MaxPacketSize, DispatchAsync), CancellationToken.None);
        _ = Task.Run(DeliverAsync, CancellationToken.None);
        _ = Task.Run(KeepAliveAsync, CancellationToken.None);
        _ = connection.Closed.ContinueWith(
            t => connAck.TrySetException(new MqttConnectionException("Connection ended before CONNACK", t.Result)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async ValueTask DispatchAsync(MqttPacket packet)
    {
        switch (packet)
        {
            case ConnAckPacket ack when !connAck.Task.IsCompleted:
                connAck.TrySetResult(ack);
                break;
            case PublishPacket publish when connAck.Task.IsCompletedSuccessfully:
                if (!deliveries.Writer.TryWrite(publish))
                {
                    // The handler is behind: wait (TCP backpressure) without counting it as a dead broker.
                    deliveryBlocked = true;
                    try
                    {
                        await deliveries.Writer.WriteAsync(publish, connection.Token);
                    }
                    finally
                    {
                        deliveryBlocked = false;
                        connection.TouchReceived();
                    }
                }

                break;
            case PubAckPacket ack:
                inFlight.TryComplete(ack.PacketId, ack);
                break;
            case SubAckPacket ack:
                CompleteSubscribe(ack);
                break;
            case UnsubAckPacket ack:
                inFlight.TryComplete(ack.PacketId, ack);
                break;
            case PingRespPacket:
                onPingResponse();
                break;
            default:
                throw new MqttProtocolException($"Unexpected {packet.Type} from the broker");
        }
    }

    private void CompleteSubscribe(SubAckPacket ack)
    {
        if (inFlight.Find(ack.PacketId)?.Packet is SubscribePacket request && request.Filters.Count != ack.ReturnCodes.Count)
        {
            throw new MqttProtocolException($"SUBACK has {ack.ReturnCodes.Count} return codes for {request.Filters.Count} topic filters");
        }

        inFlight.TryComplete(ack.PacketId, ack);
    }

    private async Task DeliverAsync()
    {
        try
        {
            await foreach (var publish in deliveries.Reader.ReadAllAsync(connection.Token))
            {
                var message = new MqttMessage(publish.Topic, publish.Payload, publish.QualityOfService, publish.Retain, publish.Duplicate, publish.PacketId);
                try
                {
                    await handler(message, connection.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !connection.Token.IsCancellationRequested)
                {
                    connection.Fail(new MqttConnectionException($"Message handler failed for topic '{publish.Topic}'; not acknowledged", ex));
                    return;
                }

                if (publish.QualityOfService == MqttQualityOfService.AtLeastOnce)
                {
                    await connection.SendAsync(new PubAckPacket(publish.PacketId), connection.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or MqttConnectionException)
        {
            // The connection ended; its reason is already recorded.
        }
    }

    private async Task KeepAliveAsync()
    {
        var keepAlive = options.KeepAlive;
        if (keepAlive == TimeSpan.Zero)
        {
            return;
        }

        var time = options.TimeProvider;

        // Waiting longer than the keep-alive for PINGRESP would leave us silent past the broker's 1.5 x limit.
        var pingTimeout = options.PingTimeout < keepAlive ? options.PingTimeout : keepAlive;
        try
        {
            while (true)
            {
                var quiet = time.GetElapsedTime(Math.Min(connection.LastSent, connection.LastReceived));
                if (quiet < keepAlive)
                {
                    await Task.Delay(keepAlive - quiet, time, connection.Token);
                    continue;
                }

                var pingedAt = time.GetTimestamp();
                await connection.SendAsync(PingReqPacket.Instance, connection.Token);
                await Task.Delay(pingTimeout, time, connection.Token);
                if (connection.LastReceived < pingedAt && !deliveryBlocked)
                {
                    connection.Fail(new MqttConnectionException($"No PINGRESP within {pingTimeout.TotalSeconds:0.###} s: the broker is unreachable"));
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or MqttConnectionException)
        {
            // The connection ended.
        }
    }
}
