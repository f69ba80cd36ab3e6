using System.Net.Sockets;
using System.Text;
using TraceChain.Mqtt.Packets;
using TraceChain.Mqtt.Tests.Broker;

namespace TraceChain.Mqtt.Tests.Client;

public sealed class MqttClientBrokerTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    [Fact]
    public async Task Connect_WithRightPassword_Succeeds()
    {
        await using var client = new MqttClient(broker.ClientOptions());
        var sessionPresent = await client.ConnectAsync(Timeout);
        Assert.False(sessionPresent);
        Assert.True(client.IsConnected);
        Assert.Equal(1, client.ConnectionCount);
    }

    [Fact]
    public async Task Connect_WithWrongPassword_ThrowsClearRefusal()
    {
        await using var client = new MqttClient(broker.ClientOptions() with { Password = "wrong" });
        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(Timeout));
        // Mosquitto answers 3.1.1 clients with "not authorised" (5) for a wrong password.
        Assert.Contains(error.ReturnCode, new MqttConnectReturnCode?[] { MqttConnectReturnCode.BadUsernameOrPassword, MqttConnectReturnCode.NotAuthorized });
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Connect_Anonymous_IsRefused()
    {
        await using var client = new MqttClient(broker.ClientOptions() with { Username = null, Password = null });
        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(Timeout));
        Assert.NotNull(error.ReturnCode);
        Assert.NotEqual(MqttConnectReturnCode.Accepted, error.ReturnCode);
    }

    [Theory]
    [InlineData(MqttQualityOfService.AtMostOnce)]
    [InlineData(MqttQualityOfService.AtLeastOnce)]
    public async Task Publish_RoundTrip_DeliversPayloadAndQos(MqttQualityOfService qos)
    {
        var sink = new MessageSink();
        await using var client = new MqttClient(broker.ClientOptions(), sink.HandleAsync);
        await client.ConnectAsync(Timeout);
        var topic = $"rt/{Guid.NewGuid():N}";
        var granted = await client.SubscribeAsync(topic, qos, Timeout);
        Assert.Equal([qos], granted);

        byte[] payload = [0, 1, 2, 0xFF, 0x1D, (byte)'x'];
        await client.PublishAsync(topic, payload, qos, cancellationToken: Timeout);
        var message = await sink.NextAsync();
        Assert.Equal(topic, message.Topic);
        Assert.Equal(payload, message.Payload.ToArray());
        Assert.Equal(qos, message.QualityOfService);
        Assert.Equal(0, client.InFlightCount);
    }

    [Fact]
    public async Task Subscribe_PlusAndHash_MatchAsSpecified()
    {
        var sink = new MessageSink();
        await using var client = new MqttClient(broker.ClientOptions(), sink.HandleAsync);
        await client.ConnectAsync(Timeout);
        var root = $"wild{Guid.NewGuid():N}";
        await client.SubscribeAsync([new MqttTopicFilter($"{root}/+/scanners/+/scan"), new MqttTopicFilter($"{root}/alerts/#")], Timeout);

        string[] topics = [$"{root}/s1/scanners/a/scan", $"{root}/s1/scanners/a/verdict", $"{root}/alerts", $"{root}/alerts/x/y", $"{root}/s1/x/scanners/a/scan"];
        foreach (var topic in topics)
        {
            await client.PublishAsync(topic, topic, cancellationToken: Timeout);
        }

        var received = (await sink.TakeAsync(3)).Select(m => m.Topic).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { topics[0], topics[2], topics[3] }.Order(StringComparer.Ordinal), received);

        // A marker proves the non-matching ones were not just late.
        await client.PublishAsync($"{root}/alerts/end", "end", cancellationToken: Timeout);
        Assert.Equal($"{root}/alerts/end", (await sink.NextAsync()).Topic);
    }

    [Fact]
    public async Task Unsubscribe_StopsDelivery()
    {
        var sink = new MessageSink();
        await using var client = new MqttClient(broker.ClientOptions(), sink.HandleAsync);
        await client.ConnectAsync(Timeout);
        var topic = $"unsub/{Guid.NewGuid():N}";
        await client.SubscribeAsync($"{topic}/#", cancellationToken: Timeout);
        await client.SubscribeAsync($"{topic}-marker", cancellationToken: Timeout);
        await client.UnsubscribeAsync([$"{topic}/#"], Timeout);
        await client.PublishAsync($"{topic}/a", "dropped", cancellationToken: Timeout);
        await client.PublishAsync($"{topic}-marker", "marker", cancellationToken: Timeout);
        Assert.Equal($"{topic}-marker", (await sink.NextAsync()).Topic);
    }

    [Fact]
    public async Task Retained_Message_IsDeliveredToLaterSubscriber()
    {
        var topic = $"tracechain/recalls/0{Guid.NewGuid():N}"[..40] + "/B1";
        await using (var publisher = new MqttClient(broker.ClientOptions()))
        {
            await publisher.ConnectAsync(Timeout);
            await publisher.PublishAsync(topic, "recalled", retain: true, cancellationToken: Timeout);
        }

        var sink = new MessageSink();
        await using var subscriber = new MqttClient(broker.ClientOptions(), sink.HandleAsync);
        await subscriber.ConnectAsync(Timeout);
        await subscriber.SubscribeAsync("tracechain/recalls/+/+", cancellationToken: Timeout);
        MqttMessage message;
        do
        {
            message = await sink.NextAsync();
        }
        while (message.Topic != topic);

        Assert.True(message.Retain);
        Assert.Equal("recalled", MessageSink.Text(message));
    }

    [Fact]
    public async Task Will_IsPublished_WhenClientDropsWithoutDisconnect()
    {
        var willTopic = $"will/{Guid.NewGuid():N}";
        var sink = new MessageSink();
        await using var watcher = new MqttClient(broker.ClientOptions(), sink.HandleAsync);
        await watcher.ConnectAsync(Timeout);
        await watcher.SubscribeAsync(willTopic, cancellationToken: Timeout);

        // A raw socket with our encoder's CONNECT (will set), closed abruptly: no DISCONNECT is sent.
        using (var socket = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync("127.0.0.1", broker.Port, Timeout);
            var connect = new ConnectPacket("dropper", true, 30, new MqttWill(willTopic, Encoding.UTF8.GetBytes("offline"), MqttQualityOfService.AtLeastOnce), MosquittoBroker.User, Encoding.UTF8.GetBytes(MosquittoBroker.Password));
            await socket.SendAsync(MqttPacketEncoder.Encode(connect), Timeout);
            var buffer = new byte[4];
            var read = await socket.ReceiveAsync(buffer, Timeout);
            Assert.True(MqttPacketDecoder.TryDecode(buffer.AsSpan(0, read), 64, out var ack, out _));
            Assert.Equal(new ConnAckPacket(false, MqttConnectReturnCode.Accepted), ack);
        }

        var will = await sink.NextAsync();
        Assert.Equal(willTopic, will.Topic);
        Assert.Equal("offline", MessageSink.Text(will));
    }

    [Fact]
    public async Task Will_IsNotPublished_AfterCleanDisconnect()
    {
        var willTopic = $"will/{Guid.NewGuid():N}";
        var sink = new MessageSink();
        await using var watcher = new MqttClient(broker.ClientOptions(), sink.HandleAsync);
        await watcher.ConnectAsync(Timeout);
        await watcher.SubscribeAsync([new MqttTopicFilter(willTopic), new MqttTopicFilter(willTopic + "/end")], Timeout);
        var client = new MqttClient(broker.ClientOptions() with { Will = new MqttWill(willTopic, Encoding.UTF8.GetBytes("offline")) });
        await client.ConnectAsync(Timeout);
        await client.DisposeAsync();
        await watcher.PublishAsync(willTopic + "/end", "end", cancellationToken: Timeout);
        Assert.Equal(willTopic + "/end", (await sink.NextAsync()).Topic);
    }

    [Fact]
    public async Task KeepAlive_PingsAndStaysConnectedPastOneAndAHalfIntervals()
    {
        var sink = new MessageSink();
        await using var client = new MqttClient(broker.ClientOptions() with { KeepAlive = TimeSpan.FromSeconds(2), PingTimeout = TimeSpan.FromSeconds(1) }, sink.HandleAsync);
        var drops = 0;
        client.Disconnected += (_, _) => Interlocked.Increment(ref drops);
        await client.ConnectAsync(Timeout);
        var topic = $"ka/{Guid.NewGuid():N}";
        await client.SubscribeAsync(topic, cancellationToken: Timeout);

        // Idle past 1.5 x keep-alive (3 s): without PINGREQ the broker would have dropped us.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (client.PingResponsesReceived < 2)
        {
            await Task.Delay(50, cts.Token);
        }

        Assert.True(watch.Elapsed > TimeSpan.FromSeconds(3), $"two pings after {watch.Elapsed}");
        await client.PublishAsync(topic, "alive", cancellationToken: Timeout);
        Assert.Equal("alive", MessageSink.Text(await sink.NextAsync()));
        Assert.Equal(1, client.ConnectionCount);
        Assert.Equal(0, drops);
    }

    [Fact]
    public async Task Publish_ManyQos1Concurrently_StaysWithinWindowAndAllArrive()
    {
        var sink = new MessageSink();
        await using var client = new MqttClient(broker.ClientOptions() with { MaxInFlight = 8 }, sink.HandleAsync);
        await client.ConnectAsync(Timeout);
        var topic = $"window/{Guid.NewGuid():N}";
        await client.SubscribeAsync(topic, cancellationToken: Timeout);
        var maxSeen = 0;
        var publishes = Enumerable.Range(0, 200).Select(async i =>
        {
            var task = client.PublishAsync(topic, i.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: Timeout);
            InterlockedMax(ref maxSeen, client.InFlightCount);
            await task;
        }).ToList();
        await Task.WhenAll(publishes);
        var received = await sink.TakeAsync(200);
        Assert.Equal(200, received.Select(MessageSink.Text).Distinct().Count());
        Assert.InRange(maxSeen, 1, 8);
    }

    [Fact]
    public async Task Subscribe_InvalidFilter_IsRejectedBeforeSending()
    {
        await using var client = new MqttClient(broker.ClientOptions());
        await client.ConnectAsync(Timeout);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SubscribeAsync("a/#/b", cancellationToken: Timeout));
        Assert.Contains("'#' must be a whole level and the last one", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.InFlightCount);
    }

    [Fact]
    public async Task Publish_Qos0_WhenNotConnected_Throws()
    {
        await using var client = new MqttClient(broker.ClientOptions());
        await Assert.ThrowsAsync<MqttConnectionException>(() => client.PublishAsync("t", "x", MqttQualityOfService.AtMostOnce, cancellationToken: Timeout));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
