using System.Net.Sockets;
using ScannerAgent.Configuration;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Packets;

namespace ScannerAgent.Agent;

/// <summary>
/// The MQTT connection of one agent worker (scanners, cameras, notifications): a client on a persistent session
/// (stable client id, clean session off) that reconnects by itself, its connection log lines, and the lifecycle the
/// workers share: connect and subscribe, run until cancelled, then DISCONNECT, which ends the connection cleanly
/// while the broker keeps the session and queues what arrives meanwhile for the next start.
/// </summary>
internal sealed class BrokerSession : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly AgentLog _log;
    private readonly string _source;
    private readonly TimeProvider _time;

    /// <summary>Creates the client (not connected).</summary>
    /// <param name="settings">The worker's broker.</param>
    /// <param name="deviceId">Makes the default client id.</param>
    /// <param name="source">The worker's name in the log.</param>
    /// <param name="handler">Handles each message; PUBACK follows its completion.</param>
    /// <param name="log">The agent's log.</param>
    /// <param name="time">Clock of the retries and keep-alive.</param>
    /// <param name="connectedNote">Appended to the <c>connected</c> log line (e.g. the workflow).</param>
    /// <param name="maxPacketSize">The largest packet accepted, when not the client's default.</param>
    public BrokerSession(IBrokerSettings settings, string deviceId, string source, Func<MqttMessage, CancellationToken, Task> handler, AgentLog log, TimeProvider time, Func<string> connectedNote, int? maxPacketSize = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _log = log;
        _source = source;
        _time = time;
        ClientId = settings.ClientIdFor(deviceId);
        Broker = $"{settings.Host}:{settings.Port}";
        var options = new MqttClientOptions
        {
            Host = settings.Host!,
            Port = settings.Port,
            ClientId = ClientId,
            CleanSession = false,
            Username = settings.Username,
            Password = settings.Password,
            ReconnectMinDelay = FirstRetryDelay,
            ReconnectMaxDelay = MaxRetryDelay,
            TimeProvider = time,
        };
        Client = new MqttClient(maxPacketSize is { } max ? options with { MaxPacketSize = max } : options, handler);
        Client.Connected += (_, e) => log.Write(source, $"connected to {Broker} (session {(e.SessionPresent ? "resumed" : "new")}){connectedNote()}");
        Client.Disconnected += (_, e) => log.Write(source, $"broker connection lost: {e.Reason.Message}" + (e.WillReconnect ? "; reconnecting" : ""));
    }

    /// <summary>The client id of the persistent session.</summary>
    public string ClientId { get; }

    /// <summary><c>host:port</c>, for the log.</summary>
    public string Broker { get; }

    /// <summary>The client (publish, connection events).</summary>
    public MqttClient Client { get; }

    /// <summary>True once connected and subscribed.</summary>
    public bool IsReady { get; private set; }

    /// <summary>
    /// Connects (retrying while the broker is unreachable), subscribes to <paramref name="filters"/>, then runs
    /// <paramref name="whileReady"/> (or waits) until cancelled, and disconnects. <paramref name="onFirstConnect"/> hears
    /// whether the broker resumed the session, before anything is subscribed.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<MqttTopicFilter> filters, Action<bool>? onFirstConnect, Func<CancellationToken, Task>? whileReady, CancellationToken cancellationToken)
    {
        try
        {
            await ConnectAndSubscribeAsync(filters, onFirstConnect, cancellationToken);
            IsReady = true;
            _log.Write(_source, $"subscribed to {string.Join(", ", filters.Select(f => f.Filter))}");
            await (whileReady ?? (ct => Task.Delay(Timeout.Infinite, ct)))(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await Client.DisconnectAsync(CancellationToken.None);
    }

    /// <summary>Disconnects from the broker.</summary>
    public ValueTask DisposeAsync() => Client.DisposeAsync();

    // The client does not retry a first connect, and the agent must start even when the broker is not up yet; after
    // it, the client reconnects by itself, so a SUBSCRIBE cut by a lost connection is simply sent again.
    private async Task ConnectAndSubscribeAsync(IReadOnlyList<MqttTopicFilter> filters, Action<bool>? onFirstConnect, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        var connected = false;
        while (true)
        {
            try
            {
                if (!connected)
                {
                    var sessionPresent = await Client.ConnectAsync(cancellationToken);
                    onFirstConnect?.Invoke(sessionPresent);
                    connected = true;
                }

                await Client.SubscribeAsync(filters, cancellationToken);
                return;
            }
            catch (Exception e) when (e is MqttConnectionException or MqttConnectException or SocketException or IOException or TimeoutException)
            {
                _log.Write(_source, $"broker {Broker} not available ({(connected ? "subscribe" : "connect")}): {e.Message}; retrying in {delay.TotalMilliseconds:0} ms");
                await Task.Delay(delay, _time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }
}
