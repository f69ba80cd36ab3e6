using System.Security.Cryptography;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;
using TraceLedger.Log;
using TraceLedger.Packs;
using TraceLedger.Storage;

namespace TraceLedger.Tests.Support;

/// <summary>
/// A pack ledger on a real SQLite file with a supply chain: a manufacturer in Shanghai, a distributor and a
/// pharmacy in Beijing, a second pharmacy in Guangzhou, a regulator; one signing device per party.
/// </summary>
internal sealed class PackWorld : IAsyncDisposable
{
    public const string CompanyPrefix = "400638";

    private readonly Dictionary<string, (string DeviceId, ECDsa Key, long Counter)> devices = [];

    private PackWorld(string directory, PackLedger packs, TestClock clock)
    {
        Directory = directory;
        Packs = packs;
        Clock = clock;
    }

    public static string Manufacturer { get; } = Gs1.Gln(1);

    public static string Distributor { get; } = Gs1.Gln(2);

    public static string PharmacyA { get; } = Gs1.Gln(3);

    public static string PharmacyB { get; } = Gs1.Gln(4);

    public static string Regulator { get; } = Gs1.Gln(5);

    public static string Gtin { get; } = Gs1.Gtin(1);

    public string Directory { get; }

    public PackLedger Packs { get; }

    public TestClock Clock { get; }

    /// <summary>A new world; <paramref name="ledger"/> adjusts the ledger's options (a disk that fails, the sync delay).</summary>
    public static async Task<PackWorld> CreateAsync(PackPolicy? policy = null, Func<LedgerOptions, LedgerOptions>? ledger = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("pack-test-").FullName;
        var clock = new TestClock(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        var options = new LedgerOptions(Path.Combine(directory, "ledger.db")) { Time = clock };
        var packOptions = new PackLedgerOptions(ledger?.Invoke(options) ?? options, new ScratchSecret(RandomNumberGenerator.GetBytes(32)))
        {
            Policy = policy ?? new PackPolicy(),
        };
        var packs = await PackLedger.OpenAsync(packOptions, CancellationToken.None);
        var world = new PackWorld(directory, packs, clock);
        await world.AddPartyAsync(Manufacturer, "Shanghai Pharma", PartyRole.Manufacturer, 31.23, 121.47);
        await world.AddPartyAsync(Distributor, "Beijing Wholesale", PartyRole.Distributor, 39.90, 116.40);
        await world.AddPartyAsync(PharmacyA, "Beijing Pharmacy", PartyRole.Pharmacy, 39.91, 116.42);
        await world.AddPartyAsync(PharmacyB, "Guangzhou Pharmacy", PartyRole.Pharmacy, 23.13, 113.26);
        await world.AddPartyAsync(Regulator, "NMPA", PartyRole.Regulator, 39.92, 116.38);
        await packs.Commissioning.RegisterCompanyPrefixAsync(CompanyPrefix, Manufacturer, CancellationToken.None);
        return world;
    }

    public static ProductData Product { get; } = new("Amoxicillin", "500 mg", "capsule", 20, PublishManufacturer: true);

    public Task<CommissionResult> CommissionAsync(int count, string lot = "L1", string expiry = "281231", bool scratch = false) =>
        Packs.Commissioning.CommissionAsync(new CommissionRequest(Manufacturer, Gtin, lot, expiry, Product, count, ScratchCodes: scratch), CancellationToken.None);

    /// <summary>Signs a hop from <paramref name="party"/>'s device at the current clock time and sends it as a pack operation.</summary>
    public Task<PackOperationResult> SendAsync(
        string party, BizStep step, Disposition disposition, IReadOnlyList<string> identifiers, string? parent = null, string? destination = null, string? location = null)
    {
        var (deviceId, key, counter) = devices[party];
        devices[party] = (deviceId, key, counter + 1);
        var now = Clock.GetUtcNow();
        var hop = new Hop(
            deviceId,
            counter + 1,
            DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
            "+08:00",
            step,
            disposition,
            location ?? party,
            identifiers,
            Parent: parent,
            Destination: destination);
        return Packs.Packs.ApplyAsync(SignedHop.Create(hop, key), CancellationToken.None);
    }

    public Task<PackOperationResult> ShipAsync(string from, string to, params string[] ids) => SendAsync(from, BizStep.Shipping, Disposition.InTransit, ids, destination: to);

    /// <summary>Receives after a day on the road (so the travel-speed check sees a plausible trip).</summary>
    public Task<PackOperationResult> ReceiveAsync(string at, params string[] ids)
    {
        Clock.Advance(TimeSpan.FromDays(1));
        return SendAsync(at, BizStep.Receiving, Disposition.InProgress, ids);
    }

    public Task<PackOperationResult> DispenseAsync(string at, string id) => SendAsync(at, BizStep.Dispensing, Disposition.Dispensed, [id]);

    public Task<PackOperationResult> UndoAsync(string at, string id) => SendAsync(at, BizStep.Dispensing, Disposition.Active, [id]);

    /// <summary>Moves packs manufacturer -> distributor -> <paramref name="pharmacy"/>.</summary>
    public async Task DeliverAsync(string pharmacy, params string[] ids)
    {
        Accepted(await ShipAsync(Manufacturer, Distributor, ids));
        Accepted(await ReceiveAsync(Distributor, ids));
        Accepted(await ShipAsync(Distributor, pharmacy, ids));
        Accepted(await ReceiveAsync(pharmacy, ids));
    }

    public static PackOperationResult Accepted(PackOperationResult result)
    {
        Assert.True(result.Receipt.Accepted, result.Receipt.Message);
        return result;
    }

    public static PackRefusalCode Refused(PackOperationResult result)
    {
        Assert.False(result.Receipt.Accepted, "expected a refusal");
        Assert.NotNull(result.Refusal);
        return result.Refusal!.Code;
    }

    public Task<IReadOnlyList<Alert>> AlertsAsync(AlertCode code) => Packs.Alerts.ListAsync(new AlertQuery(code), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Packs.DisposeAsync();
        foreach (var (_, key, _) in devices.Values)
        {
            key.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task AddPartyAsync(string gln, string name, PartyRole role, double lat, double lon)
    {
        await Packs.Ledger.RegisterPartyAsync(new PartyRegistration(gln, name, role, lat, lon), CancellationToken.None);
        var key = DeviceKeys.Create();
        var deviceId = "dev-" + gln;
        await Packs.Ledger.RegisterDeviceAsync(new DeviceRegistration(deviceId, gln, DeviceKeys.SubjectPublicKeyInfo(key)), CancellationToken.None);
        devices[gln] = (deviceId, key, 0);
    }
}
