using System.Text;
using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Tests.Client;

public sealed class MqttClientFaultTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    [Theory]
    [InlineData("F000", "Reserved packet type 15")]
    [InlineData("34070003612F620001", "QoS 2 is not supported")]
    [InlineData("30050003612B62", "contains a wildcard")]
    [InlineData("3080808001", "exceeds the maximum packet size of 4096 bytes")]
    [InlineData("100E00044D5154540402003C00026332", "Unexpected Connect from the broker")]
    public async Task BadPacketFromBroker_EndsConnectionWithProtocolError(string hex, string problem)
    {
        using var fake = new FakeBroker();
        await using var client = new MqttClient(fake.ClientOptions() with { MaxPacketSize = 4096 });
        var disconnected = new TaskCompletionSource<MqttDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Disconnected += (_, e) => disconnected.TrySetResult(e);
        var accept = fake.AcceptAsync();
        var connecting = client.ConnectAsync(Timeout);
        using var session = await accept;
        await session.AcceptConnectAsync();
        await connecting;

        await session.SendAsync(Convert.FromHexString(hex));
        var e = await disconnected.Task.WaitAsync(Timeout);
        var error = Assert.IsType<MqttProtocolException>(e.Reason);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.False(e.WillReconnect);
        Assert.False(client.IsConnected);
        Assert.Null(await session.ReadAsync()); // the client closed the socket
    }

    [Fact]
    public async Task SilentBroker_PingTimeoutDropsConnection()
    {
        using var fake = new FakeBroker();
        await using var client = new MqttClient(fake.ClientOptions() with { KeepAlive = TimeSpan.FromSeconds(1), PingTimeout = TimeSpan.FromMilliseconds(500) });
        var disconnected = new TaskCompletionSource<MqttDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Disconnected += (_, e) => disconnected.TrySetResult(e);
        var accept = fake.AcceptAsync();
        var connecting = client.ConnectAsync(Timeout);
        using var session = await accept;
        await session.AcceptConnectAsync();
        await connecting;

        Assert.IsType<PingReqPacket>(await session.ReadAsync());
        var e = await disconnected.Task.WaitAsync(Timeout);
        Assert.Contains("No PINGRESP within 0.5 s", e.Reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoConnAck_ConnectTimesOutWithClearError()
    {
        using var fake = new FakeBroker();
        await using var client = new MqttClient(fake.ClientOptions() with { ConnectTimeout = TimeSpan.FromMilliseconds(300) });
        var accept = fake.AcceptAsync();
        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(Timeout));
        Assert.Contains("No CONNACK", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ReturnCode);
        (await accept).Dispose();
    }

    [Fact]
    public async Task Connect_AfterFailedFirstAttempt_CanBeRetried()
    {
        using var fake = new FakeBroker();
        await using var client = new MqttClient(fake.ClientOptions() with { KeepAlive = TimeSpan.Zero });
        var refusing = fake.AcceptAsync();
        var refused = client.ConnectAsync(Timeout);
        using (var first = await refusing)
        {
            Assert.IsType<ConnectPacket>(await first.ReadAsync());
            await first.SendAsync(new ConnAckPacket(false, MqttConnectReturnCode.ServerUnavailable));
            var error = await Assert.ThrowsAsync<MqttConnectException>(() => refused);
            Assert.Equal(MqttConnectReturnCode.ServerUnavailable, error.ReturnCode);
        }

        var accept = fake.AcceptAsync();
        var connecting = client.ConnectAsync(Timeout);
        using var session = await accept;
        await session.AcceptConnectAsync(sessionPresent: true);
        Assert.True(await connecting);
        Assert.Equal(1, client.ConnectionCount);
    }

    [Fact]
    public async Task Publish_LargerThanMaxPacketSize_IsRejected()
    {
        await using var client = new MqttClient(new FakeBroker().ClientOptions() with { MaxPacketSize = 1024 });
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync("t", new byte[2000], cancellationToken: Timeout));
        Assert.Contains("exceeds the maximum packet size 1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncomingQos1_IsAcknowledgedOnlyAfterHandlerCompletes()
    {
        using var fake = new FakeBroker();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new MqttClient(fake.ClientOptions() with { KeepAlive = TimeSpan.Zero }, async (message, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
        });
        var accept = fake.AcceptAsync();
        var connecting = client.ConnectAsync(Timeout);
        using var session = await accept;
        await session.AcceptConnectAsync();
        await connecting;

        await session.SendAsync(new PublishPacket("tracechain/s1/scanners/a/scan", Encoding.UTF8.GetBytes("scan"), MqttQualityOfService.AtLeastOnce, PacketId: 5));
        await entered.Task.WaitAsync(Timeout);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.ReadAsync(TimeSpan.FromMilliseconds(300)));
        release.SetResult();
        Assert.Equal(new PubAckPacket(5), await session.ReadAsync());
    }

    [Fact]
    public async Task HandlerFailure_DropsConnectionWithoutPubAck()
    {
        using var fake = new FakeBroker();
        await using var client = new MqttClient(fake.ClientOptions() with { KeepAlive = TimeSpan.Zero }, (_, _) => throw new IOException("outbox disk full"));
        var disconnected = new TaskCompletionSource<MqttDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Disconnected += (_, e) => disconnected.TrySetResult(e);
        var accept = fake.AcceptAsync();
        var connecting = client.ConnectAsync(Timeout);
        using var session = await accept;
        await session.AcceptConnectAsync();
        await connecting;

        await session.SendAsync(new PublishPacket("t", Encoding.UTF8.GetBytes("x"), MqttQualityOfService.AtLeastOnce, PacketId: 9));
        Assert.Null(await session.ReadAsync());
        var e = await disconnected.Task.WaitAsync(Timeout);
        Assert.Contains("not acknowledged", e.Reason.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(e.Reason.InnerException);
    }

    [Fact]
    public async Task UnacknowledgedQos1_IsResentWithDupAfterReconnect()
    {
        using var fake = new FakeBroker();
        await using var client = new MqttClient(fake.ClientOptions() with { AutoReconnect = true, CleanSession = false, KeepAlive = TimeSpan.Zero });
        var accept = fake.AcceptAsync();
        var connecting = client.ConnectAsync(Timeout);
        var first = await accept;
        await first.AcceptConnectAsync();
        await connecting;

        var publishing = client.PublishAsync("tracechain/s1/alerts", "A2 unknown batch", cancellationToken: Timeout);
        var original = Assert.IsType<PublishPacket>(await first.ReadAsync());
        Assert.False(original.Duplicate);
        var reconnect = fake.AcceptAsync();
        first.Dispose(); // drop before PUBACK

        using var second = await reconnect;
        var connect = await second.AcceptConnectAsync(sessionPresent: true);
        Assert.False(connect.CleanSession);
        var resent = Assert.IsType<PublishPacket>(await second.ReadAsync());
        Assert.True(resent.Duplicate);
        Assert.Equal(original.PacketId, resent.PacketId);
        Assert.Equal("A2 unknown batch", Encoding.UTF8.GetString(resent.Payload.Span));
        Assert.False(publishing.IsCompleted);
        await second.SendAsync(new PubAckPacket(resent.PacketId));
        await publishing;
        Assert.Equal(2, client.ConnectionCount);
    }

    [Fact]
    public async Task SubscribeRefused_ThrowsNamingTheFilter()
    {
        using var fake = new FakeBroker();
        await using var client = new MqttClient(fake.ClientOptions() with { KeepAlive = TimeSpan.Zero });
        var accept = fake.AcceptAsync();
        var connecting = client.ConnectAsync(Timeout);
        using var session = await accept;
        await session.AcceptConnectAsync();
        await connecting;

        var subscribing = client.SubscribeAsync([new MqttTopicFilter("ok/#"), new MqttTopicFilter("secret/#")], Timeout);
        var request = Assert.IsType<SubscribePacket>(await session.ReadAsync());
        await session.SendAsync(new SubAckPacket(request.PacketId, [1, SubAckPacket.Failure]));
        var error = await Assert.ThrowsAsync<MqttSubscribeException>(() => subscribing);
        Assert.Equal(["secret/#"], error.RefusedFilters);
    }
}
