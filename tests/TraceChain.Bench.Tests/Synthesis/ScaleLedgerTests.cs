using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using TraceChain.Bench.Synthesis;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Proofs;
using TraceLedger.Log;
using TraceLedger.Packs;

namespace TraceChain.Bench.Tests.Synthesis;

public sealed class ScaleLedgerTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("tc-synth-scale-");

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4096, 700, 300)]
    [InlineData(100_003, 2_500, 1_000)]
    public async Task Build_RootEqualsTheReferenceMth_AndStoredProofsVerify(long entries, long packCount, int batchSize)
    {
        var packs = new SyntheticPacks(packCount, batchSize);
        var options = Options("scale.db");
        var root = await ScaleLedger.BuildAsync(options, entries, packs, CancellationToken.None);

        // Independently: every leaf recomputed from the generator, folded by the Protocol's reference MTH.
        var hops = new SyntheticHops(packs);
        var leaves = new byte[entries][];
        Parallel.For(0, entries, i => leaves[i] = MerkleHash.Leaf(hops.At(i).EntryBytes));
        Assert.Equal(MerkleProofs.RootFromLeaves(leaves), root);

        await using var ledger = await PackLedger.OpenAsync(options, CancellationToken.None);
        var checkpoint = ledger.Ledger.Checkpoint;
        Assert.Equal(entries + 1, checkpoint.TreeSize);
        var random = new Random(5);
        var samples = new[] { 0, entries - 1, entries / 2 }.Concat(Enumerable.Range(0, 40).Select(_ => random.NextInt64(entries)));
        foreach (var seq in samples)
        {
            var proof = await ledger.Ledger.InclusionProofAsync(seq, checkpoint.TreeSize, CancellationToken.None);
            Assert.Equal(leaves[seq], proof.LeafHash);
            Assert.True(MerkleProofs.VerifyInclusion(seq, checkpoint.TreeSize, leaves[seq], proof.AuditPath, checkpoint.RootHash), $"proof of {seq}");
            var atSynthesisedSize = await ledger.Ledger.InclusionProofAsync(seq, entries, CancellationToken.None);
            Assert.True(MerkleProofs.VerifyInclusion(seq, entries, leaves[seq], atSynthesisedSize.AuditPath, root), $"proof of {seq} at size {entries}");
        }

        // An offline bundle of a synthesised entry checks with the log's key, like any other.
        var bundle = await ledger.Ledger.BundleAsync(entries - 1, CancellationToken.None);
        var verification = ProofBundleVerifier.Verify(bundle!, NoteVerifier.Parse(ledger.Ledger.Signer.VerifierKey));
        Assert.True(verification.IsValid, verification.Reason);
    }

    [Fact]
    public async Task Build_Packs_AnswerGenuineUnknownMismatchAndScratch()
    {
        var packs = new SyntheticPacks(2_345, 1_000);
        var options = Options("packs.db");
        await ScaleLedger.BuildAsync(options, 10, packs, CancellationToken.None);
        await using var ledger = await PackLedger.OpenAsync(options, CancellationToken.None);
        var verdicts = ledger.Verdicts;

        var last = verdicts.Lookup(new VerdictRequest(packs.Identifier(2_344), SyntheticPacks.Lot(2), SyntheticPacks.Expiry));
        Assert.Equal(VerdictCode.Genuine, last.Code);
        Assert.Equal("Scale Pharma", last.Manufacturer);
        Assert.Equal(SyntheticPacks.GtinOfBatch(2), last.Product!.Gtin);
        Assert.Equal(VerdictCode.BatchMismatch, verdicts.Lookup(new VerdictRequest(packs.Identifier(5), SyntheticPacks.Lot(1))).Code);
        Assert.Equal(VerdictCode.UnknownSerial, verdicts.Lookup(new VerdictRequest(packs.Identifier(packs.Count + 17))).Code);
        Assert.Equal(VerdictCode.UnknownProduct, verdicts.Lookup(new VerdictRequest(TraceChain.Protocol.Hops.PackIdentifier.ForGtinSerial(SyntheticPacks.Gtin(7), "NOSUCHPACK"))).Code);

        var byScratch = verdicts.Lookup(new VerdictRequest(null, ScratchCode: SyntheticPacks.ScratchDigits(1_234)));
        Assert.Equal(packs.Identifier(1_234), byScratch.Identifier);
        Assert.Equal(ScratchOutcome.Valid, byScratch.Scratch);
    }

    [Fact]
    public void SyntheticPacks_SerialsAndScratchCodes_NeverCollide()
    {
        var packs = new SyntheticPacks(50_000, 7_000);
        Assert.Equal(50_000 + 5_000, Enumerable.Range(0, 55_000).Select(i => packs.Identifier(i)).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(50_000, Enumerable.Range(0, 50_000).Select(i => SyntheticPacks.ScratchDigits(i)).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Enumerable.Range(0, 100), i => Assert.Null(TraceChain.Protocol.Hops.PackIdentifier.Problem(packs.Identifier(i))));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    private PackLedgerOptions Options(string file) =>
        new(new LedgerOptions(Path.Combine(directory.FullName, file)), new ScratchSecret(RandomNumberGenerator.GetBytes(ScratchSecret.Size)));
}
