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

    public static Hop Hop(string deviceId, long counter, int pack) => new(
        deviceId,
        counter,
        Start.AddSeconds(counter),
        "+08:00",
        BizStep.Receiving,
        Disposition.InProgress,
        Gln(1),
        [PackIdentifier.ForGtinSerial(Gtin(pack % 1000), $"S{pack}")]);

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

    /// <summary>Registers party <see cref="Gln"/>(1) and a device with a fresh key through the gateway (admin key).</summary>
    public static async Task<ECDsa> RegisterDeviceAsync(HttpClient admin, string deviceId, bool withParty = true)
    {
        if (withParty)
        {
            using var party = await admin.PostAsJsonAsync("/v1/parties", new { gln = Gln(1), name = "Test Pharma", role = "manufacturer", latitude = 31.2, longitude = 121.5 });
            party.EnsureSuccessStatusCode();
        }

        var key = DeviceKeys.Create();
        using var device = await admin.PostAsJsonAsync("/v1/devices", new { deviceId, partyGln = Gln(1), publicKey = DeviceKeys.ExportPublicKey(key) });
        device.EnsureSuccessStatusCode();
        return key;
    }
}
