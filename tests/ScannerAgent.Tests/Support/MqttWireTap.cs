using System.Net;
using System.Net.Sockets;

namespace ScannerAgent.Tests.Support;

/// <summary>
/// A TCP relay between an MQTT client and the broker that forwards whole packets only and reports each one
/// before forwarding it, so a test can check what was true at the moment a packet went on the wire.
/// </summary>
internal sealed class MqttWireTap : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int brokerPort;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> pumps = [];
    private readonly Task accepting;

    public MqttWireTap(int brokerPort, Action<bool, int> onPacket)
    {
        this.brokerPort = brokerPort;
        OnPacket = onPacket;
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>Called with (fromClient, packet type) before the packet is forwarded.</summary>
    public Action<bool, int> OnPacket { get; }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await Task.WhenAll([accepting, .. pumps]).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Connections end when the relay stops.
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var broker = new TcpClient();
            await broker.ConnectAsync(IPAddress.Loopback, brokerPort, stop.Token);
            lock (pumps)
            {
                pumps.Add(PumpAsync(client, broker, fromClient: true));
                pumps.Add(PumpAsync(broker, client, fromClient: false));
            }
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, bool fromClient)
    {
        var buffer = new List<byte>();
        var chunk = new byte[64 * 1024];
        try
        {
            var input = from.GetStream();
            var output = to.GetStream();
            while (true)
            {
                var read = await input.ReadAsync(chunk, stop.Token);
                if (read == 0)
                {
                    break;
                }

                buffer.AddRange(chunk.AsSpan(0, read));
                while (TryFrame(buffer, out var length))
                {
                    OnPacket(fromClient, buffer[0] >> 4);
                    await output.WriteAsync(buffer.GetRange(0, length).ToArray(), stop.Token);
                    buffer.RemoveRange(0, length);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // One side closed.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    // MQTT fixed header: type byte, remaining length as 1-4 bytes of 7 bits.
    private static bool TryFrame(List<byte> buffer, out int length)
    {
        length = 0;
        var remaining = 0;
        for (var i = 1; i <= 4; i++)
        {
            if (buffer.Count <= i)
            {
                return false;
            }

            remaining |= (buffer[i] & 0x7F) << (7 * (i - 1));
            if ((buffer[i] & 0x80) == 0)
            {
                length = 1 + i + remaining;
                return buffer.Count >= length;
            }
        }

        throw new IOException("malformed MQTT remaining length");
    }
}
