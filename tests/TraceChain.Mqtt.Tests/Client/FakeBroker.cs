using System.Net;
using System.Net.Sockets;
using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Tests.Client;

/// <summary>
/// A scripted MQTT peer on a real socket, for behaviour a real broker will not show on demand
/// (malformed packets, silence, dropping before PUBACK).
/// </summary>
public sealed class FakeBroker : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public FakeBroker() => listener.Start();

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public MqttClientOptions ClientOptions() => new()
    {
        Port = Port,
        ClientId = "fake-client",
        AutoReconnect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
    };

    public async Task<Session> AcceptAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return new Session(await listener.AcceptSocketAsync(cts.Token));
    }

    public void Dispose() => listener.Dispose();

    public sealed class Session(Socket socket) : IDisposable
    {
        private readonly MqttFrameDecoder decoder = new(1 << 20);

        /// <summary>Next packet from the client, or null when it closed the connection.</summary>
        public async Task<MqttPacket?> ReadAsync(TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
            while (true)
            {
                if (decoder.TryRead(out var packet))
                {
                    return packet;
                }

                var memory = decoder.GetMemory();
                int n;
                try
                {
                    n = await socket.ReceiveAsync(memory, cts.Token);
                }
                catch (SocketException)
                {
                    return null;
                }

                if (n == 0)
                {
                    return null;
                }

                decoder.Advance(n);
            }
        }

        public async Task<ConnectPacket> AcceptConnectAsync(bool sessionPresent = false)
        {
            var connect = Assert.IsType<ConnectPacket>(await ReadAsync());
            await SendAsync(new ConnAckPacket(sessionPresent, MqttConnectReturnCode.Accepted));
            return connect;
        }

        public Task SendAsync(MqttPacket packet) => SendAsync(MqttPacketEncoder.Encode(packet));

        public async Task SendAsync(byte[] bytes) => await socket.SendAsync(bytes);

        public void Dispose() => socket.Dispose();
    }
}
