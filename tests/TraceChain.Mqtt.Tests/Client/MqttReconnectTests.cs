using System.Globalization;
using TraceChain.Mqtt.Tests.Broker;

namespace TraceChain.Mqtt.Tests.Client;

/// <summary>Broker restarts: each test runs its own broker, because it stops and starts it.</summary>
public sealed class MqttReconnectTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    [Fact]
    public async Task PersistentSession_Qos1PublishedWhileOffline_ArrivesAfterBrokerRestart()
    {
        await using var broker = await StartAsync(persistence: true);
        var subscriberOptions = broker.ClientOptions("offline-subscriber") with { CleanSession = false };
        await using (var first = new MqttClient(subscriberOptions))
        {
            Assert.False(await first.ConnectAsync(Timeout));
            await first.SubscribeAsync("tracechain/site1/scanners/+/scan", cancellationToken: Timeout);
        }

        await using (var publisher = new MqttClient(broker.ClientOptions()))
        {
            await publisher.ConnectAsync(Timeout);
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
                publisher.PublishAsync($"tracechain/site1/scanners/s{i % 3}/scan", i.ToString(CultureInfo.InvariantCulture), cancellationToken: Timeout)));
        }

        await broker.Process.RestartAsync(Timeout);

        var sink = new MessageSink();
        await using var second = new MqttClient(subscriberOptions, sink.HandleAsync);
        Assert.True(await second.ConnectAsync(Timeout));
        var received = await sink.TakeAsync(50);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i.ToString(CultureInfo.InvariantCulture)).Order(), received.Select(MessageSink.Text).Distinct().Order());
    }

    [Fact]
    public async Task BrokerRestart_WithQos1PublishedWhileDown_LosesNothing()
    {
        const int count = 300;
        await using var broker = await StartAsync(persistence: true);
        var sink = new MessageSink();
        await using var subscriber = new MqttClient(broker.ClientOptions("restart-subscriber") with { CleanSession = false }, sink.HandleAsync);
        await subscriber.ConnectAsync(Timeout);
        await subscriber.SubscribeAsync("restart/#", cancellationToken: Timeout);

        await using var publisher = new MqttClient(broker.ClientOptions("restart-publisher") with { CleanSession = false, MaxInFlight = 20 });
        await publisher.ConnectAsync(Timeout);
        var publisherBack = Reconnected(publisher);
        var subscriberBack = Reconnected(subscriber);

        await Task.WhenAll(Enumerable.Range(0, count / 3).Select(i => Publish(publisher, i)));
        await broker.Process.StopAsync(Timeout);

        // Published while the broker is down: they wait in flight (window 20) and go out after the reconnect.
        var whileDown = Enumerable.Range(count / 3, count - (count / 3)).Select(i => Publish(publisher, i)).ToList();
        await broker.Process.RestartAsync(Timeout);
        await Task.WhenAll(whileDown);
        await Task.WhenAll(publisherBack, subscriberBack).WaitAsync(Timeout);

        var received = new HashSet<string>(StringComparer.Ordinal);
        while (received.Count < count)
        {
            received.Add(MessageSink.Text(await sink.NextAsync(TimeSpan.FromSeconds(20))));
        }

        Assert.Equal(count, received.Count);
        Assert.True(subscriber.ConnectionCount >= 2);
        Assert.True(publisher.ConnectionCount >= 2);
    }

    private static Task Publish(MqttClient publisher, int i) =>
        publisher.PublishAsync($"restart/{i % 5}", i.ToString(CultureInfo.InvariantCulture), cancellationToken: Timeout);

    private static Task Reconnected(MqttClient client)
    {
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, e) => reconnected.TrySetResult();
        return reconnected.Task;
    }

    [Fact]
    public async Task Reconnect_WhenSessionIsGone_Resubscribes()
    {
        await using var broker = await StartAsync(persistence: false);
        var sink = new MessageSink();
        await using var client = new MqttClient(broker.ClientOptions() with { CleanSession = false }, sink.HandleAsync);
        var second = new TaskCompletionSource<MqttConnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        var disconnected = new TaskCompletionSource<MqttDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, e) =>
        {
            if (e.ConnectionNumber == 2)
            {
                second.TrySetResult(e);
            }
        };
        client.Disconnected += (_, e) => disconnected.TrySetResult(e);
        await client.ConnectAsync(Timeout);
        await client.SubscribeAsync("resub/+", cancellationToken: Timeout);

        await broker.Process.KillAsync(Timeout);
        Assert.True((await disconnected.Task.WaitAsync(Timeout)).WillReconnect);
        await broker.Process.RestartAsync(Timeout);
        var connected = await second.Task.WaitAsync(Timeout);
        Assert.False(connected.SessionPresent);

        var (exit, _, error) = await Cli.RunAsync("mosquitto_pub", [.. broker.CliArguments(), "-q", "1", "-t", "resub/x", "-m", "after restart"], TimeSpan.FromSeconds(10));
        Assert.True(exit == 0, error);
        Assert.Equal("after restart", MessageSink.Text(await sink.NextAsync()));
    }

    [Fact]
    public async Task HandlerFailure_MessageIsRedeliveredByTheBrokerAfterReconnect()
    {
        await using var broker = await StartAsync(persistence: false);
        var sink = new MessageSink();
        var failures = 0;
        await using var subscriber = new MqttClient(broker.ClientOptions("failing-handler") with { CleanSession = false }, async (message, ct) =>
        {
            if (Interlocked.Increment(ref failures) == 1)
            {
                throw new IOException("outbox write failed");
            }

            await sink.HandleAsync(message, ct);
        });
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscriber.Connected += (_, e) =>
        {
            if (e.ConnectionNumber == 2)
            {
                reconnected.TrySetResult();
            }
        };
        await subscriber.ConnectAsync(Timeout);
        await subscriber.SubscribeAsync("tracechain/site1/scanners/+/scan", cancellationToken: Timeout);

        var (exit, _, error) = await Cli.RunAsync("mosquitto_pub", [.. broker.CliArguments(), "-q", "1", "-t", "tracechain/site1/scanners/sc-1/scan", "-m", "]Q3HELLO"], TimeSpan.FromSeconds(10));
        Assert.True(exit == 0, error);
        var message = await sink.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("]Q3HELLO", MessageSink.Text(message));
        Assert.True(message.Duplicate);

        // The redelivery may reach the handler before the client counts the new connection as ready.
        await reconnected.Task.WaitAsync(Timeout);
        Assert.Equal(2, subscriber.ConnectionCount);
    }

    private static async Task<OwnedBroker> StartAsync(bool persistence) => new(await MosquittoBroker.StartAsync(persistence));

    /// <summary>Disposes the broker at the end of a test.</summary>
    private sealed class OwnedBroker(MosquittoBroker broker) : IAsyncDisposable
    {
        public TraceChain.Mqtt.Broker.MosquittoProcess Process => broker.Process;

        public MqttClientOptions ClientOptions(string? clientId = null) => broker.ClientOptions(clientId);

        public string[] CliArguments() => broker.CliArguments();

        public ValueTask DisposeAsync() => new(broker.DisposeAsync());
    }
}
