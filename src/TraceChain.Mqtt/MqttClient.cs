using System.Text;
using TraceChain.Mqtt.Client;
using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt;

/// <summary>
/// MQTT 3.1.1 client: QoS 0 and 1, keep-alive, automatic reconnect with backoff, TLS with a pinned CA,
/// persistent sessions. Received messages go to one handler, one at a time and in order; a QoS 1 message is
/// acknowledged (PUBACK) only after the handler's task completes, so the application can store it first.
/// </summary>
public sealed class MqttClient : IAsyncDisposable
{
    private static readonly TimeSpan DisconnectTimeout = TimeSpan.FromSeconds(2);
    private readonly MqttClientOptions options;
    private readonly Func<MqttMessage, CancellationToken, Task> handler;
    private readonly InFlightTable inFlight;
    private readonly ReconnectBackoff backoff;
    private readonly Dictionary<string, MqttQualityOfService> subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource lifetime = new();
    private MqttConnection? current;
    private Task? supervisor;
    private int connectionCount;
    private long pingResponses;
    private int started;

    /// <summary>Creates a client; nothing happens until <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">Connection settings.</param>
    /// <param name="handler">Receives each message; PUBACK for QoS 1 follows its completion. If it throws, the
    /// connection is dropped without acknowledging, so the broker redelivers (persistent sessions).</param>
    public MqttClient(MqttClientOptions options, Func<MqttMessage, CancellationToken, Task>? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        this.handler = handler ?? ((_, _) => Task.CompletedTask);
        inFlight = new InFlightTable(options.MaxInFlight);
        backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, new Random());
    }

    /// <summary>Raised when a connection is ready (also after each reconnect). Runs on the client's task.</summary>
    public event EventHandler<MqttConnectedEventArgs>? Connected;

    /// <summary>Raised when a connection ends, with the reason.</summary>
    public event EventHandler<MqttDisconnectedEventArgs>? Disconnected;

    /// <summary>True while a connection is ready for use.</summary>
    public bool IsConnected => Volatile.Read(ref current) is not null;

    /// <summary>Number of connections made so far (1 after the first connect).</summary>
    public int ConnectionCount => Volatile.Read(ref connectionCount);

    /// <summary>PINGRESP packets received so far (keep-alive evidence).</summary>
    public long PingResponsesReceived => Interlocked.Read(ref pingResponses);

    /// <summary>QoS 1 publishes awaiting PUBACK plus pending (un)subscribes.</summary>
    public int InFlightCount => inFlight.Count;

    /// <summary>
    /// Connects and starts the background work (read loop, keep-alive, reconnect). Returns true when the broker
    /// resumed a stored session. Throws <see cref="MqttConnectException"/> when refused; a failed first connection is not
    /// retried automatically, but ConnectAsync may be called again.
    /// </summary>
    public async Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            throw new InvalidOperationException("ConnectAsync already succeeded or is in progress; reconnects are automatic");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
        MqttConnection connection;
        bool sessionPresent;
        try
        {
            (connection, sessionPresent) = await EstablishAsync(linked.Token);
        }
        catch
        {
            Interlocked.Exchange(ref started, 0); // the caller may try again (e.g. broker not up yet)
            throw;
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        supervisor = Task.Run(() => SuperviseAsync(connection, sessionPresent, ready), CancellationToken.None);
        await ready.Task.WaitAsync(cancellationToken);
        return sessionPresent;
    }

    /// <summary>
    /// Publishes a message. QoS 0 returns once written (throws <see cref="MqttConnectionException"/> when offline).
    /// QoS 1 returns when PUBACK arrives; up to <see cref="MqttClientOptions.MaxInFlight"/> may be pending at once,
    /// and pending ones survive reconnects (resent with DUP). Cancelling stops waiting; delivery is then unknown.
    /// </summary>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce, bool retain = false, CancellationToken cancellationToken = default)
    {
        MqttTopic.ValidateName(topic);
        var probe = new PublishPacket(topic, payload, qos, retain, PacketId: 1);
        if (qos is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
        {
            throw new ArgumentException("Only QoS 0 and 1 are supported", nameof(qos));
        }

        if (MqttPacketEncoder.GetSize(probe) > options.MaxPacketSize)
        {
            throw new ArgumentException($"Message of {payload.Length} bytes exceeds the maximum packet size {options.MaxPacketSize}", nameof(payload));
        }

        ObjectDisposedException.ThrowIf(lifetime.IsCancellationRequested, this);
        if (qos == MqttQualityOfService.AtMostOnce)
        {
            var connection = Volatile.Read(ref current) ?? throw new MqttConnectionException();
            await connection.SendAsync(probe with { PacketId = 0 }, cancellationToken);
            return;
        }

        var entry = await inFlight.AddPublishAsync(id => probe with { PacketId = id }, cancellationToken);
        try
        {
            if (Volatile.Read(ref current) is { } connection)
            {
                await TrySendAsync(entry, connection);
            }

            await entry.Completion.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            inFlight.Remove(entry);
            throw;
        }
    }

    /// <summary>Publishes a UTF-8 text payload (see the byte overload).</summary>
    public Task PublishAsync(string topic, string payload, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce, bool retain = false, CancellationToken cancellationToken = default) =>
        PublishAsync(topic, Encoding.UTF8.GetBytes(payload), qos, retain, cancellationToken);

    /// <summary>
    /// Subscribes and returns the granted QoS per filter. Throws <see cref="MqttSubscribeException"/> naming the
    /// filters the broker refused. Successful subscriptions are restored after a reconnect without a session.
    /// </summary>
    public async Task<IReadOnlyList<MqttQualityOfService>> SubscribeAsync(IReadOnlyList<MqttTopicFilter> filters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var response = (SubAckPacket)await RequestAsync(id => new SubscribePacket(id, filters), MqttPacketType.SubAck, cancellationToken);
        var refused = new List<string>();
        var granted = new List<MqttQualityOfService>();
        lock (subscriptions)
        {
            for (var i = 0; i < filters.Count; i++)
            {
                if (response.ReturnCodes[i] == SubAckPacket.Failure)
                {
                    refused.Add(filters[i].Filter);
                    continue;
                }

                subscriptions[filters[i].Filter] = filters[i].QualityOfService;
                granted.Add((MqttQualityOfService)response.ReturnCodes[i]);
            }
        }

        return refused.Count == 0 ? granted : throw new MqttSubscribeException(refused);
    }

    /// <summary>Subscribes to one filter (+ and # allowed) at the given QoS.</summary>
    public Task<IReadOnlyList<MqttQualityOfService>> SubscribeAsync(string filter, MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce, CancellationToken cancellationToken = default) =>
        SubscribeAsync([new MqttTopicFilter(filter, qos)], cancellationToken);

    /// <summary>Unsubscribes from the filters.</summary>
    public async Task UnsubscribeAsync(IReadOnlyList<string> filters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        lock (subscriptions)
        {
            foreach (var filter in filters)
            {
                subscriptions.Remove(filter);
            }
        }

        await RequestAsync(id => new UnsubscribePacket(id, filters), MqttPacketType.UnsubAck, cancellationToken);
    }

    /// <summary>Sends DISCONNECT (so no will is published), closes the connection and stops reconnecting.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (lifetime.IsCancellationRequested)
        {
            return;
        }

        var connection = Volatile.Read(ref current);
        if (connection is not null)
        {
            try
            {
                // Bounded: a broker that stopped reading must not keep us from closing.
                await connection.SendAsync(DisconnectPacket.Instance, cancellationToken).WaitAsync(DisconnectTimeout, cancellationToken);
            }
            catch (Exception ex) when (ex is MqttConnectionException or TimeoutException)
            {
                // Already gone or stuck: nothing to say goodbye to.
            }
        }

        await lifetime.CancelAsync();
        connection?.Fail(new MqttConnectionException("Disconnected by the client"));
        if (supervisor is not null)
        {
            await supervisor.WaitAsync(cancellationToken);
        }

        inFlight.Fail(new MqttConnectionException("The client was disconnected before the broker acknowledged"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync(CancellationToken.None);
        lifetime.Dispose();
        inFlight.Dispose();
    }

    private async Task<MqttPacket> RequestAsync(Func<ushort, MqttPacket> build, MqttPacketType response, CancellationToken cancellationToken)
    {
        var connection = Volatile.Read(ref current) ?? throw new MqttConnectionException();
        var entry = inFlight.Add(build, response);
        try
        {
            await SendEntryAsync(entry, connection, cancellationToken);
            return await entry.Completion.Task.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or MqttConnectionException or ArgumentException)
        {
            inFlight.Remove(entry);
            throw;
        }
    }

    private static async Task SendEntryAsync(InFlightEntry entry, MqttConnection connection, CancellationToken cancellationToken)
    {
        if (entry.TryClaim(connection))
        {
            await connection.SendAsync(entry.PacketToSend(), cancellationToken);
        }
    }

    private static async Task TrySendAsync(InFlightEntry entry, MqttConnection connection)
    {
        try
        {
            await SendEntryAsync(entry, connection, CancellationToken.None);
        }
        catch (MqttConnectionException)
        {
            // The entry stays in flight and is resent on the next connection.
        }
    }

    private async Task<(MqttConnection Connection, bool SessionPresent)> EstablishAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        MqttConnection? connection = null;
        try
        {
            connection = await MqttConnection.OpenAsync(options, linked.Token);
            var connAck = new TaskCompletionSource<ConnAckPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
            var session = new MqttSession(options, connection, inFlight, handler, () => Interlocked.Increment(ref pingResponses), connAck);
            session.Start();
            await connection.SendAsync(BuildConnect(), linked.Token);
            var ack = await connAck.Task.WaitAsync(linked.Token);
            if (ack.ReturnCode != MqttConnectReturnCode.Accepted)
            {
                throw new MqttConnectException(ack.ReturnCode);
            }

            return (connection, ack.SessionPresent);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await DisposeQuietlyAsync(connection);
            throw new MqttConnectException($"No CONNACK from {options.Host}:{options.Port} within {options.ConnectTimeout.TotalSeconds:0.#} s", ex);
        }
        catch (Exception)
        {
            await DisposeQuietlyAsync(connection);
            throw;
        }
    }

    private static async Task DisposeQuietlyAsync(MqttConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private ConnectPacket BuildConnect() => new(
        options.ClientId,
        options.CleanSession,
        (ushort)options.KeepAlive.TotalSeconds,
        options.Will,
        options.Username,
        options.Password is null ? null : Encoding.UTF8.GetBytes(options.Password));

    private async Task SuperviseAsync(MqttConnection? connection, bool sessionPresent, TaskCompletionSource firstReady)
    {
        var token = lifetime.Token;
        var attempt = 0;
        while (!token.IsCancellationRequested)
        {
            if (connection is not null)
            {
                attempt = 0;
                var reason = await RunConnectionAsync(connection, sessionPresent, firstReady);
                await connection.DisposeAsync();
                var willReconnect = options.AutoReconnect && !token.IsCancellationRequested;
                Raise(Disconnected, new MqttDisconnectedEventArgs(reason, willReconnect));
                if (!willReconnect)
                {
                    inFlight.Fail(new MqttConnectionException("Connection lost and reconnect is off", reason));
                    return;
                }

                connection = null;
            }

            try
            {
                await Task.Delay(backoff.Next(attempt++), options.TimeProvider, token);
                (connection, sessionPresent) = await EstablishAsync(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Raise(Disconnected, new MqttDisconnectedEventArgs(ex, willReconnect: true));
            }
        }
    }

    /// <summary>Makes the connection ready (resubscribe, resend), publishes it, and waits until it ends.</summary>
    private async Task<Exception> RunConnectionAsync(MqttConnection connection, bool sessionPresent, TaskCompletionSource firstReady)
    {
        using var stop = lifetime.Token.Register(() => connection.Fail(new MqttConnectionException("Disconnected by the client")));
        try
        {
            List<MqttTopicFilter> restore;
            lock (subscriptions)
            {
                restore = subscriptions.Select(s => new MqttTopicFilter(s.Key, s.Value)).ToList();
            }

            if (!sessionPresent && restore.Count > 0)
            {
                var entry = inFlight.Add(id => new SubscribePacket(id, restore), MqttPacketType.SubAck);
                await SendEntryAsync(entry, connection, connection.Token);
                await entry.Completion.Task.WaitAsync(connection.Token);
            }

            await ResendAsync(connection);
            Volatile.Write(ref current, connection);
            await ResendAsync(connection); // publishes added while the first pass ran
            var number = Interlocked.Increment(ref connectionCount);
            firstReady.TrySetResult();
            Raise(Connected, new MqttConnectedEventArgs(sessionPresent, number));
        }
        catch (Exception ex) when (ex is MqttConnectionException or OperationCanceledException)
        {
            connection.Fail(ex);
        }

        var reason = await connection.Closed;
        Interlocked.CompareExchange(ref current, null, connection);
        firstReady.TrySetException(new MqttConnectionException("Connection lost while getting ready", reason));
        inFlight.Fail(new MqttConnectionException("Connection lost before the broker answered", reason), e => !e.IsPublish);
        return reason;
    }

    private void Raise<T>(EventHandler<T>? observers, T args)
    {
        try
        {
            observers?.Invoke(this, args);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A faulty observer must not stop the client from reconnecting or delivering.
            System.Diagnostics.Trace.TraceError($"MqttClient event handler failed: {ex}");
        }
    }

    private async Task ResendAsync(MqttConnection connection)
    {
        foreach (var entry in inFlight.Publishes())
        {
            await SendEntryAsync(entry, connection, connection.Token);
        }
    }
}
