using TraceGateway.Security;

namespace TraceGateway.Tests.Support;

/// <summary>One embedded-ledger gateway with <see cref="CounterScenario"/> seeded, shared by a test class whose tests use different packs.</summary>
public sealed class CounterGateway : IAsyncLifetime
{
    public GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await GatewayHost.StartAsync(LedgerMode.Embedded);
        using var admin = await Host.ClientAsync(GatewayRoles.Admin);
        using var manufacturer = await Host.ClientAsync(GatewayRoles.Manufacturer);
        await CounterScenario.SeedAsync(admin, manufacturer);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
