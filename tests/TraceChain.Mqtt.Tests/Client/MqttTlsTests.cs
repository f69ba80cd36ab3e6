using System.Security.Authentication;
using TraceChain.Mqtt.Tests.Broker;

namespace TraceChain.Mqtt.Tests.Client;

public sealed class MqttTlsTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    [Fact]
    public async Task Tls_WithPinnedCa_ConnectsAndRoundTrips()
    {
        var sink = new MessageSink();
        var options = broker.ClientOptions() with { Port = broker.TlsPort, Tls = new MqttTlsOptions(broker.Ca) };
        await using var client = new MqttClient(options, sink.HandleAsync);
        await client.ConnectAsync(Timeout);
        await client.SubscribeAsync("tls/test", cancellationToken: Timeout);
        await client.PublishAsync("tls/test", "over tls", cancellationToken: Timeout);
        Assert.Equal("over tls", MessageSink.Text(await sink.NextAsync()));
    }

    [Fact]
    public async Task Tls_WithHostNameTarget_ConnectsWhenCertificateNamesIt()
    {
        var options = broker.ClientOptions() with { Host = "localhost", Port = broker.TlsPort, Tls = new MqttTlsOptions(broker.Ca, "localhost") };
        await using var client = new MqttClient(options);
        await client.ConnectAsync(Timeout);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Tls_WithWrongCa_IsRefused()
    {
        using var other = TestCertificates.Create(Path.Combine(broker.Directory, "other-" + Guid.NewGuid().ToString("N")), "Some Other CA");
        var options = broker.ClientOptions() with { Port = broker.TlsPort, Tls = new MqttTlsOptions(other.Ca) };
        await using var client = new MqttClient(options);
        await Assert.ThrowsAsync<AuthenticationException>(() => client.ConnectAsync(Timeout));
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Tls_WithWrongTargetHost_IsRefused()
    {
        var options = broker.ClientOptions() with { Port = broker.TlsPort, Tls = new MqttTlsOptions(broker.Ca, "broker.example.org") };
        await using var client = new MqttClient(options);
        await Assert.ThrowsAsync<AuthenticationException>(() => client.ConnectAsync(Timeout));
    }
}
