using System.Globalization;
using System.Text;
using TraceChain.Mqtt.Tests.Broker;

namespace TraceChain.Mqtt.Tests.Client;

/// <summary>
/// A publisher whose link to a real Mosquitto is cut, again and again, while many large QoS 1 publishes are queued
/// to be written: after each reconnect every PublishAsync must complete and every message arrive.
/// </summary>
public sealed class MqttLinkCutTests
{
    private const int Rounds = 4;
    private const int PerRound = 40;

    // 40 x 160 KB is more than the socket buffers hold while the relay is stalled, so writes block and the
    // publishes behind them wait for the connection's write lock when the link is cut.
    private const int PayloadSize = 160 * 1024;

    [Fact]
    public async Task LinkCut_WhileQos1PublishesQueueToWrite_EveryPublishCompletesAfterReconnect()
    {
        await using var broker = new OwnedBroker(await MosquittoBroker.StartAsync(persistence: false));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var received = new HashSet<string>(StringComparer.Ordinal);
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscriber = new MqttClient(broker.Inner.ClientOptions("cut-subscriber"), (message, _) =>
        {
            lock (received)
            {
                received.Add(Encoding.ASCII.GetString(message.Payload.Span[..12]));
                if (received.Count == Rounds * PerRound)
                {
                    allArrived.TrySetResult();
                }
            }

            return Task.CompletedTask;
        });
        await subscriber.ConnectAsync(timeout.Token);
        await subscriber.SubscribeAsync("cut/#", cancellationToken: timeout.Token);

        await using var relay = new CuttableRelay(broker.Inner.Port);
        await using var publisher = new MqttClient(broker.Inner.ClientOptions("cut-publisher") with { Port = relay.Port, CleanSession = false, MaxInFlight = PerRound });
        await publisher.ConnectAsync(timeout.Token);

        for (var round = 0; round < Rounds; round++)
        {
            relay.Stall();
            var publishes = Enumerable.Range(0, PerRound)
                .Select(i => publisher.PublishAsync($"cut/{round}", Payload(round, i), cancellationToken: timeout.Token))
                .ToList();
            Assert.Contains(publishes, p => !p.IsCompleted);

            var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnLost(object? sender, MqttDisconnectedEventArgs e) => lost.TrySetResult();
            void OnBack(object? sender, MqttConnectedEventArgs e) => back.TrySetResult();
            publisher.Disconnected += OnLost;
            publisher.Connected += OnBack;
            relay.Cut();
            await lost.Task.WaitAsync(timeout.Token);
            relay.Restore();
            await back.Task.WaitAsync(timeout.Token);
            publisher.Disconnected -= OnLost;
            publisher.Connected -= OnBack;

            // Bounded: before the fix some of these never completed although their resends were acknowledged.
            try
            {
                await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(20), timeout.Token);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"round {round}: {publishes.Count(p => !p.IsCompleted)} of {PerRound} publishes still pending, {publisher.InFlightCount} in flight");
            }
        }

        await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(20), timeout.Token);
        Assert.Equal(0, publisher.InFlightCount);
        Assert.Equal(Rounds + 1, publisher.ConnectionCount);
    }

    private static byte[] Payload(int round, int index)
    {
        var payload = new byte[PayloadSize];
        payload.AsSpan().Fill((byte)'.');
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"r{round:D2}-m{index:D6}")).CopyTo(payload, 0);
        return payload;
    }

    /// <summary>Disposes the broker at the end of the test.</summary>
    private sealed class OwnedBroker(MosquittoBroker broker) : IAsyncDisposable
    {
        public MosquittoBroker Inner => broker;

        public ValueTask DisposeAsync() => new(broker.DisposeAsync());
    }
}
