using System.Net.Sockets;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Packets;

namespace ScannerAgent.Agent;

/// <summary>
/// The first connect and SUBSCRIBE of the agent's MQTT workers (scanners, cameras, notifications). The client does not
/// retry a first connect, and the agent must start even when the broker is not up yet; after it, the client reconnects
/// by itself, so a SUBSCRIBE cut by a lost connection is simply sent again.
/// </summary>
internal static class BrokerSubscriber
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Connects, retrying with doubling delays while the broker is unreachable, then subscribes to
    /// <paramref name="filters"/>. <paramref name="onConnected"/> hears whether the broker resumed the session.
    /// </summary>
    public static async Task ConnectAndSubscribeAsync(
        MqttClient client,
        IReadOnlyList<MqttTopicFilter> filters,
        AgentLog log,
        string source,
        string broker,
        TimeProvider time,
        Action<bool>? onConnected,
        CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        var connected = false;
        while (true)
        {
            try
            {
                if (!connected)
                {
                    var sessionPresent = await client.ConnectAsync(cancellationToken);
                    onConnected?.Invoke(sessionPresent);
                    connected = true;
                }

                await client.SubscribeAsync(filters, cancellationToken);
                return;
            }
            catch (Exception e) when (e is MqttConnectionException or MqttConnectException or SocketException or IOException or TimeoutException)
            {
                log.Write(source, $"broker {broker} not available ({(connected ? "subscribe" : "connect")}): {e.Message}; retrying in {delay.TotalMilliseconds:0} ms");
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }
}
