using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TraceGateway.Security;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Web;

/// <summary>The counter device survives a crash between its registration and its record, a lost store, a store restored from an older backup, and a store that fails to open once.</summary>
public sealed class CounterDeviceRecoveryTests
{
    private static string FirstDeviceId => "counter." + CounterScenario.Pharmacy;

    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Remote)]
    public async Task CounterDevice_RegisteredButNotRecorded_IsAdoptedFromTheLedger(LedgerMode mode)
    {
        await using var host = await SeededAsync(mode);
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        var registered = await RegisterAsync(admin);
        Assert.Equal(FirstDeviceId, registered.GetProperty("deviceId").GetString());

        // As after a crash between the ledger's registration and the store's record of it.
        Assert.Equal(1, await ExecuteAsync(host, "UPDATE counter_devices SET registered_seq = NULL;"));

        using var browser = new CounterBrowser(host.Browser());
        using var signIn = await browser.SignInAsync(await host.KeyAsync(GatewayRoles.Pharmacy));
        Assert.Equal("dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(1), "dispense")));
        var again = await RegisterAsync(admin);
        Assert.Equal(FirstDeviceId, again.GetProperty("deviceId").GetString());
        Assert.Equal(registered.GetProperty("keyId").GetString(), again.GetProperty("keyId").GetString());
        Assert.Equal(registered.GetProperty("seq").GetInt64(), again.GetProperty("seq").GetInt64());
        var hop = await NewestHopAsync(host, 1);
        Assert.Equal(FirstDeviceId, hop.GetProperty("hop").GetProperty("deviceId").GetString());
        Assert.Equal(registered.GetProperty("keyId").GetString(), hop.GetProperty("keyId").GetString());
    }

    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Remote)]
    public async Task CounterDevice_WhoseStoreWasLost_MovesToTheNextDeviceId(LedgerMode mode)
    {
        await using var host = await SeededAsync(mode);
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var browser = new CounterBrowser(host.Browser());
        using var signIn = await browser.SignInAsync(await host.KeyAsync(GatewayRoles.Pharmacy));
        Assert.Equal("dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(1), "dispense")));

        // The store's row is gone: the gateway makes a new key, and the ledger holds the old one under the first id.
        for (var generation = 2; generation <= 3; generation++)
        {
            Assert.Equal(1, await ExecuteAsync(host, "DELETE FROM counter_devices;"));
            Assert.Equal("dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(generation), "dispense")));
            var hop = await NewestHopAsync(host, generation);
            Assert.Equal($"{FirstDeviceId}.{generation}", hop.GetProperty("hop").GetProperty("deviceId").GetString());
            var device = await RegisterAsync(admin);
            Assert.Equal($"{FirstDeviceId}.{generation}", device.GetProperty("deviceId").GetString());
            Assert.Equal(device.GetProperty("keyId").GetString(), hop.GetProperty("keyId").GetString());
        }

        Assert.Equal("already_dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(1))));
    }

    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Remote)]
    public async Task CounterDevice_WhoseStoreWasRolledBack_MovesItsCounterPastTheLedgersAndDispenses(LedgerMode mode)
    {
        await using var host = await SeededAsync(mode);
        using var browser = new CounterBrowser(host.Browser());
        using var signIn = await browser.SignInAsync(await host.KeyAsync(GatewayRoles.Pharmacy));
        Assert.Equal("dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(1), "dispense")));
        Assert.Equal("dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(2), "dispense")));

        // As after restoring counter-devices.db from a backup taken right after the registration.
        Assert.Equal(1, await ExecuteAsync(host, "UPDATE counter_devices SET counter = 0;"));

        Assert.Equal("dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(3), "dispense")));
        var hop = await NewestHopAsync(host, 3);
        Assert.Equal(FirstDeviceId, hop.GetProperty("hop").GetProperty("deviceId").GetString());
        Assert.Equal(3, hop.GetProperty("hop").GetProperty("counter").GetInt64());
        Assert.Equal(3L, await ScalarAsync(host, "SELECT counter FROM counter_devices;"));

        // Caught up for good: the undo that follows is signed with the next counter and accepted at once.
        Assert.Equal("undone", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(3), "undo")));
        Assert.Equal(4, (await NewestHopAsync(host, 3)).GetProperty("hop").GetProperty("counter").GetInt64());
    }

    [Fact]
    public async Task CounterDeviceStore_ThatFailsToOpen_IsOpenedOnALaterRequest()
    {
        var parent = Directory.CreateTempSubdirectory("counter-store-").FullName;
        try
        {
            // A file where the store's directory should be: opening fails until it is moved away.
            var blocker = Path.Combine(parent, "devices");
            await File.WriteAllTextAsync(blocker, "not a directory");
            await using var host = await SeededAsync(LedgerMode.Embedded, new Dictionary<string, string?> { ["Counter:Database"] = Path.Combine(blocker, "counter-devices.db") });
            using var admin = await host.ClientAsync(GatewayRoles.Admin);
            using (var failed = await admin.PostAsJsonAsync("/v1/counter-devices", new { partyGln = CounterScenario.Pharmacy }))
            {
                await Problems.AssertProblemAsync(failed, HttpStatusCode.InternalServerError);
            }

            File.Delete(blocker);
            var device = await RegisterAsync(admin);
            Assert.Equal(FirstDeviceId, device.GetProperty("deviceId").GetString());
            Assert.True(File.Exists(Path.Combine(blocker, "counter-devices.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(parent, recursive: true);
        }
    }

    private static async Task<GatewayHost> SeededAsync(LedgerMode mode, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = await GatewayHost.StartAsync(mode, settings);
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        await CounterScenario.SeedAsync(admin, manufacturer);
        return host;
    }

    private static async Task<JsonElement> RegisterAsync(HttpClient admin)
    {
        using var response = await admin.PostAsJsonAsync("/v1/counter-devices", new { partyGln = CounterScenario.Pharmacy });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> NewestHopAsync(GatewayHost host, int pack)
    {
        using var regulator = await host.ClientAsync(GatewayRoles.Regulator);
        var history = await regulator.GetFromJsonAsync<JsonElement>(new Uri($"/v1/packs/{CounterScenario.Identifier(pack)}/history", UriKind.Relative));
        using var newest = JsonDocument.Parse(history.GetProperty("entries")[0].GetProperty("entry").GetString()!);
        return newest.RootElement.Clone();
    }

    private static async Task<int> ExecuteAsync(GatewayHost host, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.Directory, "counter-devices.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(GatewayHost host, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.Directory, "counter-devices.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
