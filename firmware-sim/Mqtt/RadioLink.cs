using System.Net;
using System.Net.Sockets;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Packets;

namespace FirmwareSim.Mqtt;

/// <summary>
/// One scanner's simulated Wi-Fi link: a loopback TCP relay to the broker that can be cut (the open connection is
/// dropped and new ones are refused, as when the scanner leaves coverage) and restored. It also reads the scanner's
/// side of the stream with the MQTT frame decoder to count PUBLISH packets and those resent with the DUP flag.
/// </summary>
public sealed class RadioLink : IAsyncDisposable
{
    private const int MaxPacketSize = 1 << 20;
    private readonly string _brokerHost;
    private readonly int _brokerPort;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<Socket> _open = [];
    private readonly Task _accepting;
    private bool _down;
    private long _publishes;
    private long _duplicates;

    /// <summary>Starts listening on a free loopback port; connections are relayed to the broker.</summary>
    public RadioLink(string brokerHost, int brokerPort)
    {
        ArgumentException.ThrowIfNullOrEmpty(brokerHost);
        _brokerHost = brokerHost;
        _brokerPort = brokerPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The loopback port the scanner connects to.</summary>
    public int Port { get; }

    /// <summary>PUBLISH packets the scanner sent through the link.</summary>
    public long Publishes => Interlocked.Read(ref _publishes);

    /// <summary>PUBLISH packets sent with DUP set (QoS 1 resends after a reconnect).</summary>
    public long DuplicatePublishes => Interlocked.Read(ref _duplicates);

    /// <summary>Drops the connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _down = true;
            foreach (var socket in _open)
            {
                socket.Dispose();
            }

            _open.Clear();
        }
    }

    /// <summary>Lets connections through again.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            _down = false;
        }
    }

    /// <summary>Stops listening and drops every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket scanner;
            try
            {
                scanner = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (SocketException) when (!_stop.IsCancellationRequested)
            {
                // A connection reset before it was accepted: the link goes on listening.
                continue;
            }

            var broker = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            scanner.NoDelay = true;
            try
            {
                if (IsDown())
                {
                    throw new SocketException((int)SocketError.NetworkUnreachable);
                }

                await broker.ConnectAsync(_brokerHost, _brokerPort, _stop.Token);
            }
            catch (SocketException)
            {
                // Out of coverage (or no broker): the scanner sees its connection closed and retries.
                scanner.Dispose();
                broker.Dispose();
                continue;
            }

            lock (_gate)
            {
                if (_down)
                {
                    scanner.Dispose();
                    broker.Dispose();
                    continue;
                }

                _open.Add(scanner);
                _open.Add(broker);
            }

            _ = PumpAsync(scanner, broker, new MqttFrameDecoder(MaxPacketSize));
            _ = PumpAsync(broker, scanner, null);
        }
    }

    private bool IsDown()
    {
        lock (_gate)
        {
            return _down;
        }
    }

    private async Task PumpAsync(Socket from, Socket to, MqttFrameDecoder? inspect)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                inspect = Inspect(inspect, buffer.AsSpan(0, n));
                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The link was cut or one side closed.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(from);
                _open.Remove(to);
            }

            from.Dispose();
            to.Dispose();
        }
    }

    private MqttFrameDecoder? Inspect(MqttFrameDecoder? decoder, ReadOnlySpan<byte> data)
    {
        if (decoder is null)
        {
            return null;
        }

        try
        {
            decoder.Append(data);
            while (decoder.TryRead(out var packet))
            {
                if (packet is PublishPacket publish)
                {
                    Interlocked.Increment(ref _publishes);
                    if (publish.Duplicate)
                    {
                        Interlocked.Increment(ref _duplicates);
                    }
                }
            }

            return decoder;
        }
        catch (MqttProtocolException)
        {
            // Counting is best effort; the bytes are relayed unchanged either way.
            return null;
        }
    }
}
