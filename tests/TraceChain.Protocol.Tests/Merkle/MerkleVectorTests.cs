using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Merkle;

/// <summary>RFC 6962 reference tree vectors (testdata/merkle/rfc6962-reference-tree.json).</summary>
public sealed class MerkleVectorTests
{
    private static readonly byte[] SomeHash = Convert.FromHexString("abacaba000000000000000000000000000000000000000000060061e00123456");

    private static IReadOnlyList<byte[]> LeafHashes => [.. ReferenceTreeVectors.Leaves.Select(l => MerkleHash.Leaf(l))];

    private static byte[] Root(long size) => ReferenceTreeVectors.RootsBySize[(int)size - 1];

    [Fact]
    public void RootFromLeaves_MatchesReferenceRootForEverySize()
    {
        for (var size = 1; size <= 8; size++)
        {
            Assert.Equal(Root(size), MerkleProofs.RootFromLeaves([.. LeafHashes.Take(size)]));
        }

        Assert.Equal(ReferenceTreeVectors.EmptyRoot, MerkleProofs.RootFromLeaves([]));
    }

    [Fact]
    public void RangeHash_FromPerfectSubtrees_MatchesReferenceRoots()
    {
        var tree = new TestTree(LeafHashes);
        for (var size = 1; size <= 8; size++)
        {
            Assert.Equal(Root(size), MerkleProofs.RangeHash(0, size, tree.Perfect));
        }
    }

    [Fact]
    public void VerifyInclusion_ReferenceProofs_Verify()
    {
        foreach (var (index, size, proof) in ReferenceTreeVectors.Inclusion())
        {
            Assert.True(MerkleProofs.VerifyInclusion(index, size, LeafHashes[(int)index], proof, Root(size)), $"leaf {index} of {size}");
        }
    }

    [Fact]
    public void InclusionProof_Generated_EqualsReferenceProofs()
    {
        var tree = new TestTree(LeafHashes);
        foreach (var (index, size, proof) in ReferenceTreeVectors.Inclusion())
        {
            var generated = MerkleProofs.InclusionProof(index, size, (s, e) => tree.Subtree(s, e, size));
            Assert.Equal(proof, generated);
        }
    }

    [Fact]
    public void VerifyInclusion_CorruptedReferenceProofs_AllFail()
    {
        foreach (var (index, size, proof) in ReferenceTreeVectors.Inclusion())
        {
            var leaf = LeafHashes[(int)index];
            var root = Root(size);
            foreach (var (what, i, n, l, p, r) in InclusionCorruptions(index, size, leaf, proof, root))
            {
                Assert.False(MerkleProofs.VerifyInclusion(i, n, l, p, r), $"leaf {index} of {size}: {what} verified");
            }
        }
    }

    [Fact]
    public void VerifyInclusion_ExplicitMustFailVectors_Fail()
    {
        var leaves = LeafHashes;
        foreach (var (index, size, proof) in ReferenceTreeVectors.Inclusion(mustFail: true))
        {
            var leaf = leaves[(int)Math.Min(index, 7)];
            var root = Root(Math.Min(size, 8));
            Assert.False(MerkleProofs.VerifyInclusion(index, size, leaf, proof, root), $"leaf {index} of {size}");
        }
    }

    [Fact]
    public void VerifyConsistency_ReferenceProofs_Verify()
    {
        foreach (var (size1, size2, proof) in ReferenceTreeVectors.Consistency())
        {
            Assert.True(MerkleProofs.VerifyConsistency(size1, size2, proof, Root(size1), Root(size2)), $"{size1} -> {size2}");
        }
    }

    [Fact]
    public void ConsistencyProof_Generated_EqualsReferenceProofs()
    {
        var tree = new TestTree(LeafHashes);
        foreach (var (size1, size2, proof) in ReferenceTreeVectors.Consistency())
        {
            Assert.Equal(proof, MerkleProofs.ConsistencyProof(size1, size2, (s, e) => tree.Subtree(s, e, size2)));
        }
    }

    [Fact]
    public void VerifyConsistency_CorruptedReferenceProofs_AllFail()
    {
        foreach (var (size1, size2, proof) in ReferenceTreeVectors.Consistency())
        {
            if (proof.Count == 0)
            {
                continue;
            }

            foreach (var (what, s1, s2, p, r1, r2) in ConsistencyCorruptions(size1, size2, proof, Root(size1), Root(size2)))
            {
                Assert.False(MerkleProofs.VerifyConsistency(s1, s2, p, r1, r2), $"{size1} -> {size2}: {what} verified");
            }
        }
    }

    [Fact]
    public void VerifyConsistency_ExplicitMustFailVectors_Fail()
    {
        foreach (var (size1, size2, proof) in ReferenceTreeVectors.Consistency(mustFail: true))
        {
            Assert.False(MerkleProofs.VerifyConsistency(size1, size2, proof, Root(size1), Root(size2)), $"{size1} -> {size2}");
        }
    }

    [Theory]
    [InlineData(0, 0, true, true)]
    [InlineData(0, 1, false, true)]
    [InlineData(1, 1, true, true)]
    [InlineData(0, 0, false, false)]
    [InlineData(1, 1, false, false)]
    [InlineData(1, 0, true, false)]
    public void VerifyConsistency_TrivialSizes_FollowRfc(long size1, long size2, bool sameRoots, bool expected)
    {
        var root1 = MerkleHash.Leaf("one"u8);
        var root2 = sameRoots ? root1 : MerkleHash.Leaf("two"u8);
        Assert.Equal(expected, MerkleProofs.VerifyConsistency(size1, size2, [], root1, root2));
        Assert.False(MerkleProofs.VerifyConsistency(size1, size2, [SomeHash], root1, root2), "a non-empty proof for trivial sizes must fail");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    public void VerifyInclusion_IndexNotInTree_Fails(long index, long size)
    {
        Assert.False(MerkleProofs.VerifyInclusion(index, size, SomeHash, [], SomeHash));
    }

    [Fact]
    public void VerifyInclusion_SingleLeafTree_RootIsLeafHash()
    {
        var leaf = MerkleHash.Leaf("data"u8);
        Assert.True(MerkleProofs.VerifyInclusion(0, 1, leaf, [], leaf));
        Assert.False(MerkleProofs.VerifyInclusion(0, 1, leaf, [], []));
        Assert.False(MerkleProofs.VerifyInclusion(0, 1, [], [], leaf));
    }

    [Fact]
    public void ProofGenerators_BadSizes_ThrowNamingThem()
    {
        Assert.Contains("outside a tree of size 3", Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.InclusionProof(3, 3, (_, _) => SomeHash)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.ConsistencyProof(5, 4, (_, _) => SomeHash));
        Assert.Empty(MerkleProofs.ConsistencyProof(0, 4, (_, _) => SomeHash));
        Assert.Empty(MerkleProofs.ConsistencyProof(4, 4, (_, _) => SomeHash));
    }

    [Fact]
    public void ProofGenerators_AccessorReturnsWrongLength_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MerkleProofs.InclusionProof(0, 2, (_, _) => new byte[3]));
        Assert.Contains("3 bytes", error.Message, StringComparison.Ordinal);
    }

    internal static IEnumerable<(string What, long Index, long Size, byte[] Leaf, IReadOnlyList<byte[]> Proof, byte[] Root)> InclusionCorruptions(
        long index, long size, byte[] leaf, IReadOnlyList<byte[]> proof, byte[] root)
    {
        yield return ("index - 1", index - 1, size, leaf, proof, root);
        yield return ("index + 1", index + 1, size, leaf, proof, root);
        yield return ("index ^ 2", index ^ 2, size, leaf, proof, root);
        yield return ("size * 2", index, size * 2, leaf, proof, root);
        yield return ("size / 2", index, size / 2, leaf, proof, root);
        yield return ("wrong leaf", index, size, "WrongLeaf"u8.ToArray(), proof, root);
        yield return ("empty root", index, size, leaf, proof, MerkleHash.EmptyRoot);
        yield return ("random root", index, size, leaf, proof, SomeHash);
        yield return ("trailing garbage", index, size, leaf, [.. proof, []], root);
        yield return ("trailing root", index, size, leaf, [.. proof, root], root);
        yield return ("preceding garbage", index, size, leaf, [[], .. proof], root);
        yield return ("preceding root", index, size, leaf, [root, .. proof], root);
        for (var i = 0; i < proof.Count; i++)
        {
            var tampered = proof.Select(p => p.ToArray()).ToList();
            tampered[i][0] ^= 8;
            yield return ($"proof[{i}] bit 3 flipped", index, size, leaf, tampered, root);
        }

        if (proof.Count > 0)
        {
            yield return ("last node removed", index, size, leaf, proof.Take(proof.Count - 1).ToList(), root);
        }

        if (proof.Count > 1)
        {
            yield return ("node inserted", index, size, leaf, [proof[0], SomeHash, .. proof.Skip(1)], root);
        }
    }

    internal static IEnumerable<(string What, long Size1, long Size2, IReadOnlyList<byte[]> Proof, byte[] Root1, byte[] Root2)> ConsistencyCorruptions(
        long size1, long size2, IReadOnlyList<byte[]> proof, byte[] root1, byte[] root2)
    {
        yield return ("size1 - 1", size1 - 1, size2, proof, root1, root2);
        yield return ("size1 + 1", size1 + 1, size2, proof, root1, root2);
        yield return ("size1 ^ 2", size1 ^ 2, size2, proof, root1, root2);
        yield return ("size2 * 2", size1, size2 * 2, proof, root1, root2);
        yield return ("size2 / 2", size1, size2 / 2, proof, root1, root2);
        yield return ("wrong root1", size1, size2, proof, "WrongRoot"u8.ToArray(), root2);
        yield return ("wrong root2", size1, size2, proof, root1, "WrongRoot"u8.ToArray());
        yield return ("swapped roots", size1, size2, proof, root2, root1);
        yield return ("empty proof", size1, size2, [], root1, root2);
        yield return ("trailing garbage", size1, size2, [.. proof, []], root1, root2);
        yield return ("trailing root1", size1, size2, [.. proof, root1], root1, root2);
        yield return ("trailing root2", size1, size2, [.. proof, root2], root1, root2);
        yield return ("preceding garbage", size1, size2, [[], .. proof], root1, root2);
        yield return ("preceding root1", size1, size2, [root1, .. proof], root1, root2);
        yield return ("preceding root2", size1, size2, [root2, .. proof], root1, root2);
        yield return ("preceding proof[0]", size1, size2, [proof[0], .. proof], root1, root2);
        yield return ("truncated", size1, size2, proof.Take(proof.Count - 1).ToList(), root1, root2);
        for (var i = 0; i < proof.Count; i++)
        {
            var tampered = proof.Select(p => p.ToArray()).ToList();
            tampered[i][0] ^= 16;
            yield return ($"proof[{i}] bit 4 flipped", size1, size2, tampered, root1, root2);
        }
    }
}
