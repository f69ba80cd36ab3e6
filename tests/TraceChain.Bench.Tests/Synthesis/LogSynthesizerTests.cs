using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TraceChain.Bench.Synthesis;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;
using TraceLedger.Log;
using TraceLedger.Storage;

namespace TraceChain.Bench.Tests.Synthesis;

public sealed class LogSynthesizerTests : IDisposable
{
    private const string Party = "4012345000009";
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("tc-synth-log-");

    [Fact]
    public async Task Write_TheEntriesAnAppendMade_GivesIdenticalEntryRowsNodeRowsAndHead()
    {
        // A real log: two registrations plus 76 signed hops in uneven batches, 78 entries (not a power of two).
        var appended = Path.Combine(directory.FullName, "appended.db");
        await using (var ledger = await Ledger.OpenAsync(new LedgerOptions(appended), CancellationToken.None))
        {
            await ledger.RegisterPartyAsync(new PartyRegistration(Party, "Test Pharma", PartyRole.Distributor), CancellationToken.None);
            using var key = DeviceKeys.Create();
            await ledger.RegisterDeviceAsync(new DeviceRegistration("dev-1", Party, DeviceKeys.SubjectPublicKeyInfo(key)), CancellationToken.None);
            var counter = 0;
            foreach (var batch in new[] { 1, 30, 7, 38 })
            {
                var hops = Enumerable.Range(0, batch).Select(_ => SignedHop.Create(Hop(++counter), key)).ToList();
                Assert.All(await ledger.AppendAsync(hops, CancellationToken.None), r => Assert.True(r.Accepted, r.Message));
            }
        }

        var expected = Read(appended);
        Assert.Equal(78, expected.Entries.Count);

        // The synthesizer gets the same entries (without their leaf hashes) and must store the same rows.
        var synthesised = Path.Combine(directory.FullName, "synthesised.db");
        await LedgerStore.OpenAsync(synthesised, CancellationToken.None);
        byte[] root;
        using (var bulk = BulkLoad.Open(synthesised, ["entries", "tree_nodes"]))
        {
            root = LogSynthesizer.Write(bulk.Connection, expected.Entries.Count, seq => Copy(expected.Entries[(int)seq]), CancellationToken.None);
            bulk.Complete();
        }

        var actual = Read(synthesised);
        Assert.Equal(expected.Head, actual.Head);
        Assert.Equal(expected.Head.Root, Convert.ToHexString(root));
        Assert.Equal(expected.Nodes, actual.Nodes);
        Assert.Equal(expected.Entries.Select(Describe), actual.Entries.Select(Describe));
        Assert.Equal(expected.Indexes, actual.Indexes);
    }

    [Fact]
    public async Task Write_OnALogWithEntries_Refuses()
    {
        var path = Path.Combine(directory.FullName, "used.db");
        await using (var ledger = await Ledger.OpenAsync(new LedgerOptions(path), CancellationToken.None))
        {
            await ledger.RegisterPartyAsync(new PartyRegistration(Party, "Test Pharma", PartyRole.Distributor), CancellationToken.None);
        }

        using var bulk = BulkLoad.Open(path, ["entries"]);
        var error = Assert.Throws<InvalidOperationException>(() => LogSynthesizer.Write(bulk.Connection, 1, _ => new EntryRow(), CancellationToken.None));
        Assert.Contains("empty log", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    private static Hop Hop(int counter) => new(
        "dev-1", counter, new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero).AddSeconds(counter), "+08:00",
        BizStep.Receiving, Disposition.InProgress, Party, [PackIdentifier.ForGtinSerial("04006381333931", $"S{counter}")]);

    private static EntryRow Copy(EntryRow row) => new()
    {
        Kind = row.Kind,
        EntryBytes = row.EntryBytes,
        ContentHash = row.ContentHash,
        DeviceId = row.DeviceId,
        Counter = row.Counter,
        ReceivedAtMs = row.ReceivedAtMs,
    };

    private static string Describe(EntryRow e) =>
        $"{e.Seq} {e.Kind} {Convert.ToHexString(e.LeafHash)} {Convert.ToHexString(e.EntryBytes)} {Convert.ToHexString(e.ContentHash)} {e.DeviceId} {e.Counter} {e.ReceivedAtMs}";

    private static Snapshot Read(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var context = new LedgerDbContext(new DbContextOptionsBuilder<LedgerDbContext>().UseSqlite(connection).Options);
        var state = context.LogState.AsNoTracking().Single();
        var nodes = context.TreeNodes.AsNoTracking().AsEnumerable()
            .OrderBy(n => n.Level).ThenBy(n => n.Index).Select(n => $"{n.Level}/{n.Index}/{Convert.ToHexString(n.Hash)}").ToList();
        using var indexes = connection.CreateCommand();
        indexes.CommandText = "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name;";
        var indexList = new List<string>();
        using (var reader = indexes.ExecuteReader())
        {
            while (reader.Read())
            {
                indexList.Add(reader.GetString(0));
            }
        }

        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        indexList.Add("journal_mode=" + mode.ExecuteScalar());
        return new Snapshot(
            (state.TreeSize, Convert.ToHexString(state.RootHash)),
            context.Entries.AsNoTracking().OrderBy(e => e.Seq).ToList(),
            nodes,
            indexList);
    }

    private sealed record Snapshot((long Size, string Root) Head, List<EntryRow> Entries, List<string> Nodes, List<string> Indexes);
}
