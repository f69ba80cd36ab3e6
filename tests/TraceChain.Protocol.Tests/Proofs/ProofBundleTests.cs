using System.Security.Cryptography;
using System.Text;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Proofs;
using TraceChain.Protocol.Signing;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Proofs;

public sealed class ProofBundleTests : IDisposable
{
    private const string Origin = "tracechain.example/log";
    private readonly ECDsa device = DeviceKeys.Create();
    private readonly ECDsa logKey = DeviceKeys.Create();
    private readonly NoteSigner signer;
    private readonly List<byte[]> entries;
    private readonly TestTree tree;

    public ProofBundleTests()
    {
        signer = new NoteSigner(Origin, logKey);
        entries = [.. Enumerable.Range(0, 11).Select(i => SignedHop.Create(SampleHops.Shipping(i), device).ToEntryBytes())];
        tree = new TestTree([.. entries.Select(e => MerkleHash.Leaf(e))]);
    }

    public void Dispose()
    {
        device.Dispose();
        logKey.Dispose();
    }

    [Fact]
    public void Verify_EveryEntryOfLog_IsValidAndYieldsHop()
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var result = ProofBundleVerifier.Verify(Bundle(i), signer.Verifier(), device);
            Assert.True(result.IsValid, result.Reason);
            Assert.Equal(i, result.Hop!.Hop.Counter);
            Assert.Equal(entries.Count, result.Checkpoint!.TreeSize);
        }
    }

    [Fact]
    public void Json_RoundTrips_AndStillVerifies()
    {
        var bundle = Bundle(5);
        var parsed = ProofBundle.Parse(bundle.ToJson());
        Assert.Equal(bundle.ToJson(), parsed.ToJson());
        Assert.Equal(bundle, parsed);
        Assert.NotEqual(bundle, parsed with { LeafIndex = 4 });
        Assert.True(ProofBundleVerifier.Verify(parsed, signer.Verifier()).IsValid);
    }

    [Fact]
    public void Verify_ChangedEntry_FailsInclusion()
    {
        var bundle = Bundle(3);
        var other = Bundle(4);
        var result = ProofBundleVerifier.Verify(bundle with { Entry = other.Entry }, signer.Verifier());
        Assert.False(result.IsValid);
        Assert.StartsWith("inclusion proof does not lead from leaf 3", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongIndexOrFlippedProofBit_Fails()
    {
        var bundle = Bundle(6);
        Assert.False(ProofBundleVerifier.Verify(bundle with { LeafIndex = 7 }, signer.Verifier()).IsValid);
        var flipped = bundle.InclusionProof.Select(p => p.ToArray()).ToList();
        flipped[1][31] ^= 0x80;
        Assert.False(ProofBundleVerifier.Verify(bundle with { InclusionProof = flipped }, signer.Verifier()).IsValid);
    }

    [Fact]
    public void Verify_IndexBeyondCheckpoint_SaysSo()
    {
        var result = ProofBundleVerifier.Verify(Bundle(2) with { LeafIndex = 11 }, signer.Verifier());
        Assert.Equal("leaf index 11 is outside the checkpoint's tree of size 11", result.Reason);
    }

    [Fact]
    public void Verify_CheckpointFromOtherLogKey_IsRejected()
    {
        using var rogue = DeviceKeys.Create();
        var bundle = Bundle(1, new NoteSigner(Origin, rogue));
        var result = ProofBundleVerifier.Verify(bundle, signer.Verifier());
        Assert.False(result.IsValid);
        Assert.StartsWith("checkpoint signature: no signature by tracechain.example/log", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CheckpointTextEdited_IsRejected()
    {
        var bundle = Bundle(1);
        var edited = bundle.Checkpoint.Replace("\n11\n", "\n12\n", StringComparison.Ordinal);
        var result = ProofBundleVerifier.Verify(bundle with { Checkpoint = edited }, signer.Verifier());
        Assert.Contains("does not verify", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OriginIsNotTheLog_IsRejected()
    {
        // Signed by the trusted key, but for another log's tree.
        var size = entries.Count;
        var note = signer.Sign(new Checkpoint("other.example/log", size, tree.Root(size)).ToNoteText());
        var result = ProofBundleVerifier.Verify(Bundle(0) with { Checkpoint = note.Format() }, signer.Verifier());
        Assert.False(result.IsValid);
        Assert.Equal("checkpoint origin 'other.example/log' is not the log 'tracechain.example/log'", result.Reason);
    }

    [Fact]
    public void Verify_DeviceKeyGiven_ChecksHopSignature()
    {
        using var otherDevice = DeviceKeys.Create();
        var result = ProofBundleVerifier.Verify(Bundle(2), signer.Verifier(), otherDevice);
        Assert.False(result.IsValid);
        Assert.Equal("hop signature does not verify with the device key", result.Reason);
    }

    [Fact]
    public void Verify_NonHopEntry_ProvesInclusionWithoutHop()
    {
        var leaves = new List<byte[]> { MerkleHash.Leaf("plain bytes"u8) };
        var note = signer.Sign(new Checkpoint(Origin, 1, MerkleProofs.RootFromLeaves(leaves)).ToNoteText());
        var bundle = new ProofBundle("plain bytes"u8.ToArray(), 0, [], note.Format());
        var result = ProofBundleVerifier.Verify(bundle, signer.Verifier());
        Assert.True(result.IsValid, result.Reason);
        Assert.Null(result.Hop);
        Assert.StartsWith("entry is not a signed hop", ProofBundleVerifier.Verify(bundle, signer.Verifier(), device).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_GarbageCheckpoint_ReportsMalformed()
    {
        var result = ProofBundleVerifier.Verify(Bundle(0) with { Checkpoint = "nonsense" }, signer.Verifier());
        Assert.StartsWith("checkpoint is malformed", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"checkpoint\":\"c\",\"entry\":\"AA==\",\"inclusionProof\":[],\"leafIndex\":-1}", "'leafIndex' must be a non-negative integer")]
    [InlineData("{\"checkpoint\":\"c\",\"entry\":\"AA==\",\"inclusionProof\":[\"AA==\"],\"leafIndex\":0}", "inclusionProof[0] must be base64 of a 32-byte hash")]
    [InlineData("{\"checkpoint\":\"c\",\"entry\":\"%%\",\"inclusionProof\":[],\"leafIndex\":0}", "'entry' is not standard base64")]
    [InlineData("{\"checkpoint\":1,\"entry\":\"AA==\",\"inclusionProof\":[],\"leafIndex\":0}", "'checkpoint' is required and must be a string")]
    [InlineData("{\"checkpoint\":\"c\",\"entry\":\"AA==\",\"inclusionProof\":[],\"leafIndex\":0,\"x\":1}", "unknown member 'x'")]
    [InlineData("{\"checkpoint\":\"c\",", "not valid JSON")]
    public void Parse_Malformed_NamesProblem(string json, string problem)
    {
        Assert.Contains(problem, Assert.Throws<FormatException>(() => ProofBundle.Parse(Encoding.UTF8.GetBytes(json))).Message, StringComparison.Ordinal);
    }

    private ProofBundle Bundle(int index, NoteSigner? checkpointSigner = null)
    {
        var size = entries.Count;
        var proof = MerkleProofs.InclusionProof(index, size, (s, e) => tree.Subtree(s, e, size));
        var note = (checkpointSigner ?? signer).Sign(new Checkpoint(Origin, size, tree.Root(size)).ToNoteText());
        return new ProofBundle(entries[index], index, proof, note.Format());
    }
}
