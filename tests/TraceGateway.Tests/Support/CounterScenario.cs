using System.Net.Http.Json;
using System.Text.Json;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;
using TraceGateway.Security;

namespace TraceGateway.Tests.Support;

/// <summary>
/// Packs in a pharmacy's stock, through the gateway: manufacturer <see cref="TestData.Gln"/>(1) commissions PACK1-PACK9
/// of <see cref="Gtin"/> (lot B1, expiry 301231), ships them to the pharmacy <see cref="Pharmacy"/> (the subject of the
/// test pharmacy key) with its dock device, and the pharmacy's goods-in device receives them.
/// </summary>
public static class CounterScenario
{
    public static string Gtin { get; } = TestData.Gtin(77);

    /// <summary>The pharmacy: the subject the test hosts give pharmacy keys.</summary>
    public static string Pharmacy { get; } = TestData.Gln(GatewayRoles.All.ToList().IndexOf(GatewayRoles.Pharmacy) + 1);

    /// <summary>A Chinese 20-digit drug traceability code commissioned by the manufacturer (still in its stock).</summary>
    public const string ChinaCode = "81234567000000017777";

    /// <summary>The element string of PACK{n} as a scanner sends it: AIM ]d2, batch before serial, GS after the batch.</summary>
    public static string Scan(int n, string gs = "\u001d") => $"]d201{Gtin}17301231" + "10B1" + gs + $"21PACK{n}";

    /// <summary>The canonical identifier of PACK{n}.</summary>
    public static string Identifier(int n) => PackIdentifier.ForGtinSerial(Gtin, $"PACK{n}");

    /// <summary>Seeds through any gateway: <paramref name="admin"/> and <paramref name="manufacturer"/> carry those keys.</summary>
    public static async Task SeedAsync(HttpClient admin, HttpClient manufacturer)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await TestData.RegisterManufacturerAsync(admin);
        using (var party = await admin.PostAsJsonAsync("/v1/parties", new { gln = Pharmacy, name = "Test Pharmacy", role = "pharmacy" }))
        {
            Assert.True(party.IsSuccessStatusCode, await party.Content.ReadAsStringAsync());
        }

        string[] serials = [.. Enumerable.Range(1, 9).Select(i => $"PACK{i}")];
        await TestData.CommissionAsync(manufacturer, Gtin, "301231", serials);
        await TestData.CommissionAsync(manufacturer, TestData.Gtin(78), "301231", [], chinaCodes: [ChinaCode]);
        using var dock = await DeviceAsync(admin, "mfr-dock", TestData.Gln(1));
        using var goodsIn = await DeviceAsync(admin, "pharmacy-goods-in", Pharmacy);
        var identifiers = serials.Select(s => PackIdentifier.ForGtinSerial(Gtin, s)).ToArray();
        var now = DateTimeOffset.UtcNow.AddHours(-2);
        var now0 = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        await ApplyAsync(admin, SignedHop.Create(new Hop("mfr-dock", 1, now0, "+00:00", BizStep.Shipping, Disposition.InTransit, TestData.Gln(1), identifiers, Destination: Pharmacy), dock));
        await ApplyAsync(admin, SignedHop.Create(new Hop("pharmacy-goods-in", 1, now0.AddMinutes(30), "+00:00", BizStep.Receiving, Disposition.SellableNotAccessible, Pharmacy, identifiers, Source: TestData.Gln(1)), goodsIn));
    }

    private static async Task<System.Security.Cryptography.ECDsa> DeviceAsync(HttpClient admin, string deviceId, string gln)
    {
        var key = DeviceKeys.Create();
        using var device = await admin.PostAsJsonAsync("/v1/devices", new { deviceId, partyGln = gln, publicKey = DeviceKeys.ExportPublicKey(key) });
        Assert.True(device.IsSuccessStatusCode, await device.Content.ReadAsStringAsync());
        return key;
    }

    private static async Task ApplyAsync(HttpClient client, SignedHop hop)
    {
        using var content = new ByteArrayContent(hop.ToEntryBytes());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri("/v1/packs/operations", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var document = JsonDocument.Parse(body);
        Assert.False(document.RootElement.TryGetProperty("refusal", out var refusal) && refusal.ValueKind != JsonValueKind.Null, body);
    }
}
