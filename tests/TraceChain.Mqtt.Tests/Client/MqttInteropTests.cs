using System.Globalization;
using TraceChain.Mqtt.Tests.Broker;

namespace TraceChain.Mqtt.Tests.Client;

public sealed class MqttInteropTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    [Fact]
    public async Task MosquittoPub_Messages_ReachOurClient()
    {
        var sink = new MessageSink();
        await using var client = new MqttClient(broker.ClientOptions(), sink.HandleAsync);
        await client.ConnectAsync(Timeout);
        await client.SubscribeAsync("tracechain/site1/scanners/+/scan", cancellationToken: Timeout);

        var (exit, _, error) = await Cli.RunAsync("mosquitto_pub", [.. broker.CliArguments(), "-q", "1", "-t", "tracechain/site1/scanners/sc-7/scan", "-m", "]d201095011010209171719050810ABC"], TimeSpan.FromSeconds(10));
        Assert.True(exit == 0, error);
        var message = await sink.NextAsync();
        Assert.Equal("tracechain/site1/scanners/sc-7/scan", message.Topic);
        Assert.Equal("]d201095011010209171719050810ABC", MessageSink.Text(message));
        Assert.Equal(MqttQualityOfService.AtLeastOnce, message.QualityOfService);
    }

    [Fact]
    public async Task MosquittoSub_ReceivesWhatOurClientPublishes()
    {
        const int count = 5;
        var topic = $"interop/{Guid.NewGuid():N}";
        await using var client = new MqttClient(broker.ClientOptions());
        await client.ConnectAsync(Timeout);

        // mosquitto_sub has no "subscribed" signal: a retained first message arrives as soon as it has subscribed.
        await client.PublishAsync(topic, "0", retain: true, cancellationToken: Timeout);
        using var sub = Cli.Start("mosquitto_sub", [.. broker.CliArguments(), "-q", "1", "-t", topic, "-C", count.ToString(CultureInfo.InvariantCulture), "-W", "10", "-v"]);
        var lines = new List<string> { await sub.StandardOutput.ReadLineAsync(Timeout) ?? "" };
        for (var i = 1; i < count; i++)
        {
            await client.PublishAsync(topic, i.ToString(CultureInfo.InvariantCulture), cancellationToken: Timeout);
        }

        lines.AddRange((await sub.StandardOutput.ReadToEndAsync(Timeout)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await sub.WaitForExitAsync(cts.Token);
        await client.PublishAsync(topic, "", retain: true, cancellationToken: Timeout); // clear the retained probe
        Assert.Equal(0, sub.ExitCode);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"{topic} {i}"), lines);
    }
}
