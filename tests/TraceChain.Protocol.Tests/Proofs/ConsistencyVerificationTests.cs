using System.Security.Cryptography;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Proofs;
using TraceChain.Protocol.Signing;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Proofs;

public sealed class ConsistencyVerificationTests : IDisposable
{
    private const string Origin = "tracechain.example/log";
    private readonly ECDsa logKey = DeviceKeys.Create();
    private readonly NoteSigner signer;
    private readonly TestTree tree = TestTree.WithLeaves(37, 5);

    public ConsistencyVerificationTests() => signer = new NoteSigner(Origin, logKey);

    public void Dispose() => logKey.Dispose();

    [Theory]
    [InlineData(1, 37)]
    [InlineData(16, 37)]
    [InlineData(21, 22)]
    [InlineData(37, 37)]
    public void VerifyConsistency_AppendOnlyGrowth_Verifies(int size1, int size2)
    {
        var result = ProofBundleVerifier.VerifyConsistency(Signed(tree, size1), Signed(tree, size2), Proof(size1, size2), signer.Verifier());
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(size2, result.Checkpoint!.TreeSize);
    }

    [Fact]
    public void VerifyConsistency_ForkedLog_IsDetected()
    {
        var fork = new TestTree([.. tree.Leaves.Take(10), MerkleHash.Leaf("rewritten"u8), .. tree.Leaves.Skip(11)]);
        var proof = MerkleProofs.ConsistencyProof(20, 37, (s, e) => fork.Subtree(s, e, 37));
        var result = ProofBundleVerifier.VerifyConsistency(Signed(tree, 20), Signed(fork, 37), proof, signer.Verifier());
        Assert.False(result.IsValid);
        Assert.Contains("forked", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyConsistency_Rollback_IsDetected()
    {
        var result = ProofBundleVerifier.VerifyConsistency(Signed(tree, 30), Signed(tree, 20), [], signer.Verifier());
        Assert.Contains("rollback", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyConsistency_UnsignedNewerCheckpoint_IsRejected()
    {
        using var rogue = DeviceKeys.Create();
        var forged = new NoteSigner(Origin, rogue).Sign(new Checkpoint(Origin, 37, tree.Root(37)).ToNoteText()).Format();
        var result = ProofBundleVerifier.VerifyConsistency(Signed(tree, 20), forged, Proof(20, 37), signer.Verifier());
        Assert.StartsWith("newer checkpoint signature: no signature by", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyConsistency_MalformedOlderCheckpoint_SaysWhich()
    {
        var result = ProofBundleVerifier.VerifyConsistency("junk", Signed(tree, 37), Proof(20, 37), signer.Verifier());
        Assert.StartsWith("older checkpoint is malformed", result.Reason, StringComparison.Ordinal);
    }

    private string Signed(TestTree source, int size) => signer.Sign(new Checkpoint(Origin, size, source.Root(size)).ToNoteText()).Format();

    private IReadOnlyList<byte[]> Proof(int size1, int size2) => MerkleProofs.ConsistencyProof(size1, size2, (s, e) => tree.Subtree(s, e, size2));
}
