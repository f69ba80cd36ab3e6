using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Proofs;
using TraceChain.Protocol.Signing;
using TraceLedger.Log;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Log;

public sealed class LedgerProofTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Proofs_FromStoredNodes_VerifyAndMatchFromScratchRebuild_ForEverySize()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        var pack = 0;

        // Uneven batch sizes so subtrees complete both inside and across batches.
        foreach (var size in new[] { 1, 2, 3, 5, 8, 13, 1, 1, 30 })
        {
            await temp.Ledger.AppendAsync(Enumerable.Range(0, size).Select(_ => SignedHop.Create(temp.NextHop("scanner-1", pack++), key)).ToList(), None);
        }

        var total = temp.Ledger.Checkpoint.TreeSize;
        var leaves = new List<byte[]>();
        for (var seq = 0L; seq < total; seq++)
        {
            leaves.Add(MerkleHash.Leaf((await temp.Ledger.GetEntryAsync(seq, None))!.EntryBytes));
        }

        for (var size = 1L; size <= total; size++)
        {
            var expectedRoot = MerkleProofs.RootFromLeaves(leaves.Take((int)size).ToList());
            for (var seq = 0L; seq < size; seq++)
            {
                var proof = await temp.Ledger.InclusionProofAsync(seq, size, None);
                Assert.Equal(expectedRoot, proof.RootHash);
                Assert.True(MerkleProofs.VerifyInclusion(seq, size, leaves[(int)seq], proof.AuditPath, expectedRoot), $"inclusion {seq} in {size}");
            }

            for (var from = 0L; from <= size; from++)
            {
                var consistency = await temp.Ledger.ConsistencyProofAsync(from, size, None);
                Assert.True(MerkleProofs.VerifyConsistency(from, size, consistency.Proof, consistency.FromRoot, expectedRoot), $"consistency {from} to {size}");
            }
        }

        Assert.Equal(MerkleProofs.RootFromLeaves(leaves), temp.Ledger.Checkpoint.RootHash);
    }

    [Fact]
    public async Task Bundle_VerifiesOfflineWithLogKeyAndDeviceKey()
    {
        await using var temp = await TempLedger.CreateAsync();
        var key = await temp.AddDeviceAsync("scanner-1");
        var receipts = await temp.Ledger.AppendAsync(Enumerable.Range(0, 7).Select(i => SignedHop.Create(temp.NextHop("scanner-1", i), key)).ToList(), None);

        var bundle = await temp.Ledger.BundleAsync(receipts[3].Seq!.Value, None);
        var parsed = ProofBundle.Parse(bundle!.ToJson());
        var verdict = ProofBundleVerifier.Verify(parsed, temp.Ledger.Signer.Verifier(), key);

        Assert.True(verdict.IsValid, verdict.Reason);
        Assert.Equal(temp.Ledger.Checkpoint.TreeSize, verdict.Checkpoint!.TreeSize);
    }

    [Fact]
    public async Task Proofs_BeyondCheckpoint_AreRefusedNamingTheLimit()
    {
        await using var temp = await TempLedger.CreateAsync();
        var size = temp.Ledger.Checkpoint.TreeSize;

        var error = await Assert.ThrowsAsync<LedgerRangeException>(() => temp.Ledger.InclusionProofAsync(0, size + 1, None));

        Assert.Contains($"between 1 and {size}", error.Message, StringComparison.Ordinal);
        Assert.Null(await temp.Ledger.BundleAsync(size, None));
    }
}
