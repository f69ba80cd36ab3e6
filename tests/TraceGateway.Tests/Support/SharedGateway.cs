namespace TraceGateway.Tests.Support;

/// <summary>One embedded-ledger gateway shared by a test class whose tests change nothing (e.g. the authorization matrix).</summary>
public sealed class SharedGateway : IAsyncLifetime
{
    public GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await GatewayHost.StartAsync(LedgerMode.Embedded);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
