using System.Net;
using System.Net.Sockets;

namespace TraceChain.Mqtt.Tests.Client;

/// <summary>
/// A loopback TCP relay between a client and the broker whose link the test controls: <see cref="Stall"/> stops
/// forwarding the client's bytes (its writes back up once the socket buffers are full), <see cref="Cut"/> drops
/// every relayed connection and refuses new ones until <see cref="Restore"/>.
/// </summary>
public sealed class CuttableRelay : IAsyncDisposable
{
    private readonly int brokerPort;
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private readonly List<Socket> open = [];
    private readonly Task accepting;
    private TaskCompletionSource forwarding = Opened();
    private bool down;

    public CuttableRelay(int brokerPort)
    {
        this.brokerPort = brokerPort;
        listener.Start();
        accepting = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Stops passing the client's bytes on (they stay buffered); the broker's answers still flow.</summary>
    public void Stall()
    {
        lock (gate)
        {
            if (forwarding.Task.IsCompleted)
            {
                forwarding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Drops every relayed connection (unforwarded bytes are lost) and refuses new ones.</summary>
    public void Cut()
    {
        lock (gate)
        {
            down = true;
            foreach (var socket in open)
            {
                socket.Dispose();
            }

            open.Clear();
        }
    }

    /// <summary>Accepts and forwards again.</summary>
    public void Restore()
    {
        lock (gate)
        {
            down = false;
            forwarding.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        Cut();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        stop.Dispose();
    }

    private static TaskCompletionSource Opened()
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        opened.SetResult();
        return opened;
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptSocketAsync(stop.Token);
            var broker = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await broker.ConnectAsync(IPAddress.Loopback, brokerPort, stop.Token);
            }
            catch (SocketException)
            {
                client.Dispose();
                broker.Dispose();
                continue;
            }

            lock (gate)
            {
                if (down)
                {
                    client.Dispose();
                    broker.Dispose();
                    continue;
                }

                open.Add(client);
                open.Add(broker);
            }

            _ = PumpAsync(client, broker, gated: true);
            _ = PumpAsync(broker, client, gated: false);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool gated)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await from.ReceiveAsync(buffer, SocketFlags.None, stop.Token)) > 0)
            {
                if (gated)
                {
                    Task open;
                    lock (gate)
                    {
                        open = forwarding.Task;
                    }

                    await open.WaitAsync(stop.Token);
                }

                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Cut, or one side closed.
        }
        finally
        {
            lock (gate)
            {
                open.Remove(from);
                open.Remove(to);
            }

            from.Dispose();
            to.Dispose();
        }
    }
}
