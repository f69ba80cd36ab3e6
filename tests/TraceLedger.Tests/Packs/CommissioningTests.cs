using TraceChain.Protocol.Hops;
using TraceLedger.Log;
using TraceLedger.Packs;
using TraceLedger.Tests.Support;
using static TraceLedger.Tests.Support.PackWorld;

namespace TraceLedger.Tests.Packs;

public sealed class CommissioningTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Commission_RandomSerials_AreFromTheAlphabet_AndOneLogEntryCoversThem()
    {
        await using var world = await PackWorld.CreateAsync();
        var result = await world.CommissionAsync(50);

        Assert.Equal(50, result.Packs.Select(p => p.Identifier).Distinct().Count());
        Assert.All(result.Packs, p => Assert.Matches("^gtin:[0-9]{14}:ser:[2-9A-HJ-NP-Z]{12}$", p.Identifier));
        var entry = await world.Packs.Ledger.GetEntryAsync(result.Seq, None);
        Assert.Equal(TraceLedger.Storage.EntryKind.BatchCommissioned, entry!.Kind);
        var text = System.Text.Encoding.UTF8.GetString(entry.EntryBytes);
        Assert.All(result.Packs, p => Assert.Contains(p.Identifier, text, StringComparison.Ordinal));
        var history = await world.Packs.Ledger.ItemHistoryAsync(result.Packs[7].Identifier, 10, None);
        Assert.Equal(result.Seq, Assert.Single(history).Seq);
    }

    [Fact]
    public async Task Commission_LogStillAudits_AfterPackEntries()
    {
        await using var world = await PackWorld.CreateAsync();
        var id = (await world.CommissionAsync(3)).Packs[0].Identifier;
        await world.DeliverAsync(PharmacyA, id);
        await world.Packs.Commissioning.RecallAsync(new RecallRequest(Regulator, Gtin, null, "quality defect", Withdrawal: true), None);

        var audit = await LogAudit.RunAsync(Path.Combine(world.Directory, "ledger.db"), None);

        Assert.True(audit.Clean, string.Join("; ", audit.Problems));
        Assert.Equal(VerdictCode.Withdrawn, world.Packs.Verdicts.Lookup(new VerdictRequest(id)).Code);
    }

    [Fact]
    public async Task Commission_ImportedSerialsAndChinaCodes_BecomeThePackIdentifiers()
    {
        await using var world = await PackWorld.CreateAsync();
        var imported = await world.Packs.Commissioning.CommissionAsync(new CommissionRequest(Manufacturer, Gtin, "IMP1", "281231", Product, 0, ImportedSerials: ["A1", "A2"]), None);
        var china = await world.Packs.Commissioning.CommissionAsync(new CommissionRequest(Manufacturer, Gtin, "CN1", "281231", Product, 0, ChinaCodes: ["8123456 789012345 6789", "81234567890123450001"]), None);

        Assert.Equal([PackIdentifier.ForGtinSerial(Gtin, "A1"), PackIdentifier.ForGtinSerial(Gtin, "A2")], imported.Packs.Select(p => p.Identifier));
        Assert.Equal(["cn:81234567890123456789", "cn:81234567890123450001"], china.Packs.Select(p => p.Identifier));
        var verdict = world.Packs.Verdicts.Lookup(PackScan.ToRequest("81234567890123456789"));
        Assert.Equal((VerdictCode.Genuine, "CN1"), (verdict.Code, verdict.Lot));
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "not owner", "not under a company prefix registered" },
        { "not a manufacturer", "is not a registered manufacturer" },
        { "duplicate lot", "already commissioned" },
        { "duplicate import", "is already commissioned" },
        { "bad expiry", "expiry '281332' is not a calendar date" },
        { "bad gtin", "is not a valid GTIN" },
        { "too many", "a batch has 1-1000000 packs" },
        { "serial listed twice", "is listed twice" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Commission_BadRequest_IsRefusedNamingTheProblem(string situation, string message)
    {
        await using var world = await PackWorld.CreateAsync();
        await world.Packs.Commissioning.CommissionAsync(new CommissionRequest(Manufacturer, Gtin, "L1", "281231", Product, 0, ImportedSerials: ["S1"]), None);
        var request = new CommissionRequest(Manufacturer, Gtin, "L2", "281231", Product, 10);
        request = situation switch
        {
            "not owner" => request with { Gtin = Gs1.WithCheckDigit("0500000000001") },
            "not a manufacturer" => request with { ManufacturerGln = Distributor },
            "duplicate lot" => request with { Lot = "L1" },
            "duplicate import" => request with { ImportedSerials = ["S1"] },
            "bad expiry" => request with { Expiry = "281332" },
            "bad gtin" => request with { Gtin = "04006380000019" },
            "too many" => request with { Count = 1_000_001 },
            "serial listed twice" => request with { ImportedSerials = ["X", "X"] },
            _ => throw new ArgumentException(situation),
        };

        var error = await Assert.ThrowsAsync<PackRequestException>(() => world.Packs.Commissioning.CommissionAsync(request, None));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SerialAlphabet_GuessProbability_IsFarBelowOneInTenThousand()
    {
        Assert.Equal(32, SerialAlphabet.Symbols.Distinct().Count());
        Assert.All(SerialAlphabet.Symbols, c => Assert.True(TraceChain.Protocol.Gs1.Gs1CharSets.Contains(TraceChain.Protocol.Gs1.Gs1CharSet.Cset82, c)));
        Assert.Equal(Math.Pow(2, 60), SerialAlphabet.SerialSpace);
        Assert.True(SerialAlphabet.GuessProbability(1_000_000_000) < 1e-9);
        Assert.True(SerialAlphabet.GuessProbability(100_000_000_000_000) < 1e-4);
        using var random = System.Security.Cryptography.RandomNumberGenerator.Create();
        var counts = new int[32];
        for (var i = 0; i < 4000; i++)
        {
            foreach (var c in SerialAlphabet.Generate(random))
            {
                counts[SerialAlphabet.Symbols.IndexOf(c, StringComparison.Ordinal)]++;
            }
        }

        // 48,000 symbols, 1,500 expected per symbol: every symbol is used, none wildly over-represented.
        Assert.All(counts, n => Assert.InRange(n, 1200, 1800));
    }
}
