using System.Net.Http.Json;
using TraceGateway.Security;

namespace TraceGateway.Tests.Support;

/// <summary>
/// Packs commissioned through the gateway for consumer checks: GENUINE1 of <see cref="Gtin"/> (with a scratch code),
/// EXPIRED1 of <see cref="ExpiredGtin"/> (expiry 2020-01-31), and the China code <see cref="ChinaCode"/>.
/// </summary>
public static class ConsumerScenario
{
    public static string Gtin { get; } = TestData.Gtin(42);

    public static string ExpiredGtin { get; } = TestData.Gtin(44);

    public const string ChinaCode = "81234567890123456789";

    /// <summary>Seeds through a test host; returns the scratch codes of GENUINE1 and GENUINE2.</summary>
    public static async Task<string[]> SeedAsync(GatewayHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        return await SeedAsync(admin, manufacturer);
    }

    /// <summary>Seeds through any gateway: <paramref name="admin"/> and <paramref name="manufacturer"/> carry those keys.</summary>
    public static async Task<string[]> SeedAsync(HttpClient admin, HttpClient manufacturer)
    {
        await TestData.RegisterManufacturerAsync(admin);
        var genuine = await TestData.CommissionAsync(manufacturer, Gtin, "301231", ["GENUINE1", "GENUINE2"], scratch: true);
        await TestData.CommissionAsync(manufacturer, ExpiredGtin, "200131", ["EXPIRED1"]);
        await TestData.CommissionAsync(manufacturer, TestData.Gtin(45), "301231", [], chinaCodes: [ChinaCode]);
        return [.. genuine.GetProperty("packs").EnumerateArray().Select(p => p.GetProperty("scratchCode").GetString()!)];
    }
}
