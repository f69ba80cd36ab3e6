using System.Security.Cryptography;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;

namespace TraceGateway.Tests.Support;

/// <summary>
/// A log holding packs in each consumer-visible state: GTIN <see cref="Gtin"/> with serials GENUINE1, DISPENSED1,
/// RECALLED1, STOLEN1, and China code <see cref="ChinaCode"/> commissioned.
/// </summary>
public static class ConsumerScenario
{
    public static string Gtin { get; } = TestData.Gtin(42);

    public const string ChinaCode = "81234567890123456789";

    public static async Task SeedAsync(GatewayHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var admin = await host.ClientAsync(TraceGateway.Security.GatewayRoles.Admin);
        using var agent = host.Anonymous();
        await SeedAsync(admin, agent);
    }

    /// <summary>Seeds through any gateway: <paramref name="admin"/> carries an admin key, <paramref name="agent"/> none.</summary>
    public static async Task SeedAsync(HttpClient admin, HttpClient agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        using ECDsa key = await TestData.RegisterDeviceAsync(admin, "line-1");
        var hops = new List<Hop>
        {
            TestData.HopFor("line-1", 1, Gtin, "GENUINE1", BizStep.Commissioning, Disposition.Active, "301231"),
            TestData.HopFor("line-1", 2, Gtin, "DISPENSED1", BizStep.Commissioning, Disposition.Active, "301231"),
            TestData.HopFor("line-1", 3, Gtin, "DISPENSED1", BizStep.Dispensing, Disposition.Dispensed, "301231"),
            TestData.HopFor("line-1", 4, Gtin, "RECALLED1", BizStep.Holding, Disposition.Recalled, "301231"),
            TestData.HopFor("line-1", 5, Gtin, "STOLEN1", BizStep.Holding, Disposition.Stolen, "301231"),
            new Hop("line-1", 6, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), "+08:00", BizStep.Commissioning, Disposition.Active, TestData.Gln(1), [PackIdentifier.ForChinaCode(ChinaCode)]),
        };
        using var response = await agent.PostAsync(new Uri("/v1/hops", UriKind.Relative), TestData.HopBatch([.. hops.Select(h => SignedHop.Create(h, key).ToEntryBytes())]));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("refused", body, StringComparison.Ordinal);
    }
}
