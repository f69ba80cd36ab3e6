using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;

namespace TraceGateway.Tests.Support;

/// <summary>Valid GS1 keys, devices and signed hops for tests.</summary>
public static class TestData
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static string Gln(int n) => CheckDigit.Append($"401234{n:D6}");

    public static string Gtin(int n) => CheckDigit.Append($"0400638{n:D6}");

    /// <summary>The company prefix of every test GTIN, registered to the manufacturer <see cref="Gln"/>(1).</summary>
    public const string CompanyPrefix = "4006380";

    /// <summary>An observation (storing) of commissioned pack S{pack} of <see cref="Gtin"/>(1) at the manufacturer.</summary>
    public static Hop Hop(string deviceId, long counter, int pack) => new(
        deviceId,
        counter,
        Start.AddSeconds(counter),
        "+08:00",
        BizStep.Storing,
        Disposition.SellableAccessible,
        Gln(1),
        [PackIdentifier.ForGtinSerial(Gtin(1), $"S{pack}")]);

    /// <summary>A hop about one GTIN + serial with the given step and disposition.</summary>
    public static Hop HopFor(string deviceId, long counter, string gtin, string serial, BizStep step, Disposition disposition, string? expiry = null) => new(
        deviceId,
        counter,
        Start.AddSeconds(counter),
        "+08:00",
        step,
        disposition,
        Gln(1),
        [PackIdentifier.ForGtinSerial(gtin, serial)],
        Batch: "B1",
        Expiry: expiry);

    /// <summary>The POST /v1/hops body for <paramref name="items"/> (each the JSON of one item).</summary>
    public static ByteArrayContent HopBatch(params byte[][] items)
    {
        var json = new StringBuilder("{\"hops\":[");
        json.AppendJoin(',', items.Select(i => Encoding.UTF8.GetString(i)));
        json.Append("]}");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json.ToString()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>
    /// Through the gateway: registers manufacturer <see cref="Gln"/>(1) with the company prefix, commissions serials
    /// S1-S9 of <see cref="Gtin"/>(1) (lot B1, expiry 301231) and registers a device with a fresh key.
    /// </summary>
    public static async Task<ECDsa> RegisterDeviceAsync(GatewayHost host, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var admin = await host.ClientAsync(TraceGateway.Security.GatewayRoles.Admin);
        await RegisterManufacturerAsync(admin);
        using var manufacturer = await host.ClientAsync(TraceGateway.Security.GatewayRoles.Manufacturer);
        await CommissionAsync(manufacturer, Gtin(1), "301231", [.. Enumerable.Range(1, 9).Select(i => $"S{i}")]);
        return await RegisterDeviceOnlyAsync(admin, deviceId);
    }

    /// <summary>Registers manufacturer <see cref="Gln"/>(1) and gives it <see cref="CompanyPrefix"/>.</summary>
    public static async Task RegisterManufacturerAsync(HttpClient admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var party = await admin.PostAsJsonAsync("/v1/parties", new { gln = Gln(1), name = "Test Pharma", role = "manufacturer", latitude = 31.2, longitude = 121.5 });
        party.EnsureSuccessStatusCode();
        using var prefix = await admin.PostAsJsonAsync("/v1/company-prefixes", new { prefix = CompanyPrefix, partyGln = Gln(1) });
        prefix.EnsureSuccessStatusCode();
    }

    /// <summary>Commissions imported serials of a GTIN (lot B1); returns the answer body.</summary>
    public static async Task<System.Text.Json.JsonElement> CommissionAsync(HttpClient manufacturer, string gtin, string expiry, string[] serials, bool scratch = false, string[]? chinaCodes = null)
    {
        ArgumentNullException.ThrowIfNull(manufacturer);
        using var response = await manufacturer.PostAsJsonAsync("/v1/batches", new
        {
            gtin,
            lot = "B1",
            expiry,
            product = new { name = "Amoxicillin", strength = "500 mg", form = "capsule", packSize = 20 },
            count = 0,
            importedSerials = chinaCodes is null ? serials : null,
            chinaCodes,
            scratchCodes = scratch,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    /// <summary>Registers a device of <see cref="Gln"/>(1) with a fresh key (admin key).</summary>
    public static async Task<ECDsa> RegisterDeviceOnlyAsync(HttpClient admin, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var key = DeviceKeys.Create();
        using var device = await admin.PostAsJsonAsync("/v1/devices", new { deviceId, partyGln = Gln(1), publicKey = DeviceKeys.ExportPublicKey(key) });
        device.EnsureSuccessStatusCode();
        return key;
    }
}
