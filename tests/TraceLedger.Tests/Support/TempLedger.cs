using System.Security.Cryptography;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;
using TraceLedger.Log;
using TraceLedger.Storage;

namespace TraceLedger.Tests.Support;

/// <summary>A ledger on a real SQLite file in its own temporary folder, with one party and helpers to sign hops.</summary>
internal sealed class TempLedger : IAsyncDisposable
{
    private readonly Dictionary<string, long> counters = [];

    private TempLedger(string directory, Ledger ledger)
    {
        Directory = directory;
        Ledger = ledger;
    }

    public static string PartyGln { get; } = Gs1.Gln(1);

    public string Directory { get; }

    public Ledger Ledger { get; private set; }

    public string DatabasePath => Path.Combine(Directory, "ledger.db");

    public static async Task<TempLedger> CreateAsync(IHopRule? rules = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("ledger-test-").FullName;
        var ledger = await Ledger.OpenAsync(Options(directory, rules), CancellationToken.None);
        var temp = new TempLedger(directory, ledger);
        await ledger.RegisterPartyAsync(new PartyRegistration(PartyGln, "Test Pharma", PartyRole.Manufacturer, 31.23, 121.47), CancellationToken.None);
        return temp;
    }

    public static LedgerOptions Options(string directory, IHopRule? rules = null) =>
        new(Path.Combine(directory, "ledger.db")) { Rules = rules ?? new NoHopRules() };

    /// <summary>Closes and reopens the ledger on the same files.</summary>
    public async Task ReopenAsync()
    {
        await Ledger.DisposeAsync();
        Ledger = await Ledger.OpenAsync(Options(Directory), CancellationToken.None);
    }

    public async Task<ECDsa> AddDeviceAsync(string deviceId)
    {
        var key = DeviceKeys.Create();
        await Ledger.RegisterDeviceAsync(new DeviceRegistration(deviceId, PartyGln, DeviceKeys.SubjectPublicKeyInfo(key)), CancellationToken.None);
        return key;
    }

    /// <summary>A valid hop from <paramref name="deviceId"/> with the next counter, about pack number <paramref name="pack"/>.</summary>
    public Hop NextHop(string deviceId, int pack, long? counter = null)
    {
        var next = counter ?? (counters.GetValueOrDefault(deviceId) + 1);
        counters[deviceId] = Math.Max(next, counters.GetValueOrDefault(deviceId));
        return Hops.Make(deviceId, next, pack);
    }

    public async ValueTask DisposeAsync()
    {
        await Ledger.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
