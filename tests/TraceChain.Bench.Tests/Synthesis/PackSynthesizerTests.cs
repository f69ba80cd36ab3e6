using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TraceChain.Bench.Synthesis;
using TraceLedger.Log;
using TraceLedger.Packs;
using TraceLedger.Packs.Storage;
using TraceLedger.Storage;

namespace TraceChain.Bench.Tests.Synthesis;

public sealed class PackSynthesizerTests : IDisposable
{
    private const string Manufacturer = SyntheticPacks.Manufacturer;
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("tc-synth-packs-");
    private readonly ScratchSecret secret = new(RandomNumberGenerator.GetBytes(ScratchSecret.Size));

    [Fact]
    public async Task Write_ABatch_StoresTheRowsCommissioningStores_AndAnswersTheSameVerdicts()
    {
        var packs = new SyntheticPacks(1_500, 1_000);
        var serials = Enumerable.Range(0, 1_000).Select(i => SyntheticPacks.Serial(i)).ToList();
        var gtin = SyntheticPacks.GtinOfBatch(0);

        // The real commissioning service, with the same serials imported.
        var commissioned = Options("commissioned.db");
        await using (var ledger = await PackLedger.OpenAsync(commissioned, CancellationToken.None))
        {
            await ledger.Ledger.RegisterPartyAsync(new PartyRegistration(Manufacturer, "Scale Pharma", PartyRole.Manufacturer), CancellationToken.None);
            await ledger.Commissioning.RegisterCompanyPrefixAsync("400638", Manufacturer, CancellationToken.None);
            await ledger.Commissioning.CommissionAsync(
                new CommissionRequest(Manufacturer, gtin, SyntheticPacks.Lot(0), SyntheticPacks.Expiry, SyntheticPacks.Product, serials.Count, ImportedSerials: serials),
                CancellationToken.None);
        }

        // The synthesizer, into a file with the same registration.
        var synthesised = Options("synthesised.db");
        await using (var ledger = await PackLedger.OpenAsync(synthesised, CancellationToken.None))
        {
            await ledger.Ledger.RegisterPartyAsync(new PartyRegistration(Manufacturer, "Scale Pharma", PartyRole.Manufacturer), CancellationToken.None);
        }

        using (var bulk = BulkLoad.Open(synthesised.Ledger.DatabasePath, ["products", "batches", "packs"]))
        {
            var batch = new PackSynthesizer.Batch(gtin, SyntheticPacks.Lot(0), [.. Enumerable.Range(0, 1_000).Select(i => packs.Identifier(i))], null);
            PackSynthesizer.Write(bulk.Connection, [batch], Manufacturer, SyntheticPacks.Expiry, SyntheticPacks.Product, secret, commissionedSeq: 1, Now.ToUnixTimeMilliseconds(), CancellationToken.None);
            bulk.Complete();
        }

        var expected = Rows(commissioned.Ledger.DatabasePath);
        var actual = Rows(synthesised.Ledger.DatabasePath);
        Assert.Equal(1_000, expected.Packs.Count);
        Assert.Equal(expected.Products, actual.Products);
        Assert.Equal(expected.Batches, actual.Batches);
        Assert.Equal(expected.Packs, actual.Packs);

        var requests = new[]
        {
            new VerdictRequest(packs.Identifier(0), SyntheticPacks.Lot(0), SyntheticPacks.Expiry),
            new VerdictRequest(packs.Identifier(999)),
            new VerdictRequest(packs.Identifier(7), "OTHER"),
            new VerdictRequest(packs.Identifier(8), Expiry: "290101"),
            new VerdictRequest(packs.Identifier(1_200), SyntheticPacks.Lot(0)),
            new VerdictRequest(packs.Identifier(1_201), "NOLOT"),
        };
        await using var real = await PackLedger.OpenAsync(commissioned, CancellationToken.None);
        await using var synthetic = await PackLedger.OpenAsync(synthesised, CancellationToken.None);
        foreach (var request in requests)
        {
            Assert.Equal(real.Verdicts.Lookup(request), synthetic.Verdicts.Lookup(request));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    private static PackRows Rows(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var context = PackSchema.CreateContext(connection);

        // Where the rows came from (the log entry, the clock) is the only allowed difference.
        return new PackRows(
            [.. context.Products.AsNoTracking().OrderBy(p => p.Gtin).AsEnumerable().Select(p => $"{p.Gtin} {p.OwnerGln} {p.Name} {p.Strength} {p.Form} {p.PackSize} {p.PublishManufacturer}")],
            [.. context.Batches.AsNoTracking().OrderBy(b => b.Id).AsEnumerable().Select(b => $"{b.Id} {b.Gtin} {b.Lot} {b.Expiry} {b.ExpiresOn} {b.RecalledAtMs} {b.WithdrawnAtMs} {b.RecallReason}")],
            [.. context.Packs.AsNoTracking().OrderBy(p => p.Identifier).AsEnumerable().Select(p =>
                $"{p.Identifier} {p.BatchId} {p.IsContainer} {p.State} {p.HolderGln} {p.DestinationGln} {p.ParentId} {p.DispensedAtMs} {p.LastSeenGln} {p.FirstVerifiedAtMs} {p.VerificationCount} {p.ConsumerCheckCount} {p.ScratchHash is null} {p.ScratchFailures}")]);
    }

    private PackLedgerOptions Options(string file) =>
        new(new LedgerOptions(Path.Combine(directory.FullName, file)) { Time = new FixedTime(Now) }, secret);

    private sealed record PackRows(List<string> Products, List<string> Batches, List<string> Packs);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
