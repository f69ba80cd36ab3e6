using System.Net;
using System.Net.Sockets;
using TraceChain.Mqtt.Client;
using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Tests.Client;

/// <summary>
/// The connection's write path when the peer stops reading: a write blocks on a full socket buffer and the next
/// senders queue for the write lock. Ending the connection must release every one of them.
/// </summary>
public sealed class MqttConnectionTests
{
    private const int PayloadSize = 1 << 20;
    private const int Senders = 40;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Dispose_WithSendersQueuedBehindABlockedWrite_FailsEveryOneOfThem(bool callerToken)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var accepting = listener.AcceptSocketAsync(bound.Token);
        var connection = await MqttConnection.OpenAsync(new MqttClientOptions { Port = ((IPEndPoint)listener.LocalEndpoint).Port }, bound.Token);

        // The peer accepts and never reads: 40 MB cannot fit in the socket buffers, so one write stays pending
        // and the senders after it wait for the write lock.
        using var silentPeer = await accepting;
        using var callerCancellation = new CancellationTokenSource();
        var payload = new byte[PayloadSize];
        var sends = Enumerable.Range(1, Senders)
            .Select(i => connection.SendAsync(new PublishPacket("load/big", payload, MqttQualityOfService.AtLeastOnce, Retain: false, PacketId: (ushort)i), callerToken ? callerCancellation.Token : CancellationToken.None))
            .ToList();
        var pendingAtDispose = sends.Count(s => !s.IsCompleted);
        Assert.True(pendingAtDispose >= 2, $"only {pendingAtDispose} send(s) pending: nothing queued behind the blocked write");

        await connection.DisposeAsync();

        // Bounded: before the fix the queued senders waited forever on the disposed write lock.
        await Assert.ThrowsAsync<MqttConnectionException>(() => Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.All(sends.Where(s => !s.IsCompletedSuccessfully), s => Assert.IsType<MqttConnectionException>(s.Exception?.InnerException));
        Assert.Equal(pendingAtDispose, sends.Count(s => s.IsFaulted));
        Assert.True((await connection.Closed) is MqttConnectionException, "closed by the client");
    }

    [Fact]
    public async Task CallerCancels_WhileQueuedBehindABlockedWrite_GetsItsOwnCancellation_AndTheConnectionStaysOpen()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var accepting = listener.AcceptSocketAsync(bound.Token);
        await using var connection = await MqttConnection.OpenAsync(new MqttClientOptions { Port = ((IPEndPoint)listener.LocalEndpoint).Port }, bound.Token);
        using var silentPeer = await accepting;
        var payload = new byte[PayloadSize];
        var blocking = Enumerable.Range(1, Senders)
            .Select(i => connection.SendAsync(new PublishPacket("load/big", payload, MqttQualityOfService.AtLeastOnce, Retain: false, PacketId: (ushort)i), CancellationToken.None))
            .ToList();
        Assert.Contains(blocking, s => !s.IsCompleted);

        using var caller = new CancellationTokenSource();
        var queued = connection.SendAsync(new PubAckPacket(7), caller.Token);
        Assert.False(queued.IsCompleted);
        await caller.CancelAsync();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(caller.Token, cancelled.CancellationToken);
        Assert.False(connection.Closed.IsCompleted);
    }
}
