using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Proofs;
using TraceChain.Protocol.Signing;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Docs;

/// <summary>The worked example in docs/protocol.md: every published value is recomputed or verified.</summary>
public sealed partial class ProtocolDocumentTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Vectors = new(() =>
        VectorBlock().Matches(RepoFiles.Text("docs", "protocol.md").ReplaceLineEndings("\n"))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value, StringComparer.Ordinal));

    [Fact]
    public void Document_HasEveryExampleBlock()
    {
        string[] expected =
        [
            "device-private-key", "device-public-key", "device-key-id", "hop-json", "hop-canonical", "hop-canonical-hex",
            "hop-signature", "entry", "leaf-hash", "log-private-key", "log-verifier-key", "checkpoint", "proof-bundle",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Vectors.Value.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DeviceKey_PublicKeyAndKeyIdFollowFromPrivateScalar()
    {
        using var device = DeviceKeys.FromPrivateScalar(Hex("device-private-key"));
        Assert.Equal(SHA256.HashData("TraceChain example device key"u8), Hex("device-private-key"));
        Assert.Equal(Vectors.Value["device-public-key"], DeviceKeys.ExportPublicKey(device));
        Assert.Equal(Vectors.Value["device-key-id"], DeviceKeys.KeyId(device));
    }

    [Fact]
    public void Hop_CanonicalBytesMatchTextAndHex()
    {
        var canonical = HopCanonicalizer.Canonicalize(HopJson.Parse(Encoding.UTF8.GetBytes(Vectors.Value["hop-json"])));
        Assert.Equal(Vectors.Value["hop-canonical"], Encoding.UTF8.GetString(canonical));
        Assert.Equal(Hex("hop-canonical-hex"), canonical);
    }

    [Fact]
    public void HopSignature_VerifiesWithDocumentedPublicKey()
    {
        using var publicKey = DeviceKeys.ImportPublicKey(Vectors.Value["device-public-key"]);
        Assert.True(DeviceSignature.TryDecode(Vectors.Value["hop-signature"], out var signature));
        Assert.True(DeviceSignature.Verify(Hex("hop-canonical-hex"), signature, publicKey));
        var signed = new SignedHop(HopJson.Parse(Hex("hop-canonical-hex")), Vectors.Value["device-key-id"], Vectors.Value["hop-signature"]);
        Assert.True(signed.Verify(publicKey));
    }

    [Fact]
    public void Entry_AndLeafHash_FollowFromSignedHop()
    {
        var signed = new SignedHop(HopJson.Parse(Hex("hop-canonical-hex")), Vectors.Value["device-key-id"], Vectors.Value["hop-signature"]);
        Assert.Equal(Vectors.Value["entry"], Encoding.UTF8.GetString(signed.ToEntryBytes()));
        Assert.Equal(Hex("leaf-hash"), MerkleHash.Leaf(Encoding.UTF8.GetBytes(Vectors.Value["entry"])));
    }

    [Fact]
    public void Checkpoint_VerifiesWithLogKeyAndCommitsToTheEntry()
    {
        using var log = DeviceKeys.FromPrivateScalar(Hex("log-private-key"));
        Assert.Equal(SHA256.HashData("TraceChain example log key"u8), Hex("log-private-key"));
        var signer = new NoteSigner("tracechain.example/log", log);
        Assert.Equal(Vectors.Value["log-verifier-key"], signer.VerifierKey);

        var note = SignedNote.Parse(Vectors.Value["checkpoint"] + "\n");
        Assert.True(NoteVerifier.Parse(Vectors.Value["log-verifier-key"]).Verify(note, out var reason), reason);
        var checkpoint = Checkpoint.Parse(note.Text);
        Assert.Equal(1, checkpoint.TreeSize);
        Assert.Equal(Hex("leaf-hash"), checkpoint.RootHash);
        Assert.Equal(MerkleProofs.RootFromLeaves([Hex("leaf-hash")]), checkpoint.RootHash);
    }

    [Fact]
    public void ProofBundle_VerifiesOfflineIncludingDeviceSignature()
    {
        using var device = DeviceKeys.ImportPublicKey(Vectors.Value["device-public-key"]);
        var bundle = ProofBundle.Parse(Encoding.UTF8.GetBytes(Vectors.Value["proof-bundle"]));
        var result = ProofBundleVerifier.Verify(bundle, NoteVerifier.Parse(Vectors.Value["log-verifier-key"]), device);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(Vectors.Value["entry"], Encoding.UTF8.GetString(bundle.Entry));
        Assert.Equal(Vectors.Value["checkpoint"] + "\n", bundle.Checkpoint);
        Assert.Equal(bundle.ToJson(), Encoding.UTF8.GetBytes(Vectors.Value["proof-bundle"]));
    }

    private static byte[] Hex(string name) => Convert.FromHexString(WhiteSpace().Replace(Vectors.Value[name], string.Empty));

    [GeneratedRegex(@"<!-- vector: (?<name>[a-z-]+) -->\n```[a-z]*\n(?<body>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex VectorBlock();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
