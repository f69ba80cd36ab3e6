using FsCheck;
using FsCheck.Xunit;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Merkle;

/// <summary>Random trees: generated proofs verify, and any single flipped bit makes them fail.</summary>
public sealed class MerklePropertyTests
{
    private const int MaxLeaves = 300;

    [Property(MaxTest = 150)]
    public void InclusionProof_RandomTree_VerifiesAndEveryBitFlipFails(PositiveInt sizeSeed, NonNegativeInt indexSeed, int flipSeed)
    {
        var size = (sizeSeed.Get % MaxLeaves) + 1;
        var index = indexSeed.Get % size;
        var tree = TestTree.WithLeaves(size, sizeSeed.Get);
        var root = tree.Root(size);
        var leaf = tree.Leaves[index];
        var proof = MerkleProofs.InclusionProof(index, size, (s, e) => tree.Subtree(s, e, size));

        Assert.True(MerkleProofs.VerifyInclusion(index, size, leaf, proof, root));
        Assert.Equal(ExpectedPathLength(index, size), proof.Count);

        // One bit anywhere in the proof, the leaf or the root.
        var bits = ((proof.Count + 2) * MerkleHash.Size * 8) - 1;
        var bit = (int)((uint)flipSeed % (uint)bits);
        var (node, at) = (bit / (MerkleHash.Size * 8), bit % (MerkleHash.Size * 8));
        var tamperedProof = proof.Select(p => p.ToArray()).ToList();
        var tamperedLeaf = leaf.ToArray();
        var tamperedRoot = root.ToArray();
        var target = node < proof.Count ? tamperedProof[node] : node == proof.Count ? tamperedLeaf : tamperedRoot;
        target[at / 8] ^= (byte)(1 << (at % 8));
        Assert.False(MerkleProofs.VerifyInclusion(index, size, tamperedLeaf, tamperedProof, tamperedRoot), $"bit {bit} flipped still verifies");
    }

    [Property(MaxTest = 150)]
    public void ConsistencyProof_RandomTrees_VerifiesAndEveryBitFlipFails(PositiveInt sizeSeed, PositiveInt oldSeed, int flipSeed)
    {
        var size2 = (sizeSeed.Get % MaxLeaves) + 1;
        var size1 = (oldSeed.Get % size2) + 1;
        var tree = TestTree.WithLeaves(size2, sizeSeed.Get);
        var root1 = tree.Root(size1);
        var root2 = tree.Root(size2);
        var proof = MerkleProofs.ConsistencyProof(size1, size2, (s, e) => tree.Subtree(s, e, size2));

        Assert.True(MerkleProofs.VerifyConsistency(size1, size2, proof, root1, root2));
        if (size1 == size2)
        {
            Assert.Empty(proof);
            return;
        }

        var bits = ((proof.Count + 2) * MerkleHash.Size * 8) - 1;
        var bit = (int)((uint)flipSeed % (uint)bits);
        var (node, at) = (bit / (MerkleHash.Size * 8), bit % (MerkleHash.Size * 8));
        var tamperedProof = proof.Select(p => p.ToArray()).ToList();
        var tampered1 = root1.ToArray();
        var tampered2 = root2.ToArray();
        var target = node < proof.Count ? tamperedProof[node] : node == proof.Count ? tampered1 : tampered2;
        target[at / 8] ^= (byte)(1 << (at % 8));
        Assert.False(MerkleProofs.VerifyConsistency(size1, size2, tamperedProof, tampered1, tampered2), $"bit {bit} flipped still verifies");
    }

    [Property(MaxTest = 100)]
    public void InclusionProof_OtherLeaf_DoesNotVerify(PositiveInt sizeSeed, NonNegativeInt indexSeed, NonNegativeInt otherSeed)
    {
        var size = (sizeSeed.Get % MaxLeaves) + 2;
        var index = indexSeed.Get % size;
        var other = otherSeed.Get % size;
        var tree = TestTree.WithLeaves(size, sizeSeed.Get);
        var proof = MerkleProofs.InclusionProof(index, size, (s, e) => tree.Subtree(s, e, size));
        Assert.Equal(index == other, MerkleProofs.VerifyInclusion(other, size, tree.Leaves[other], proof, tree.Root(size)));
    }

    [Property(MaxTest = 100)]
    public void RangeHash_AnyRange_EqualsReferenceOverThatSlice(PositiveInt sizeSeed, NonNegativeInt a, NonNegativeInt b)
    {
        var size = (sizeSeed.Get % 130) + 1;
        var tree = TestTree.WithLeaves(size, sizeSeed.Get);
        var start = a.Get % (size + 1);
        var end = start + (b.Get % (size - start + 1));
        Assert.Equal(MerkleProofs.RootFromLeaves([.. tree.Leaves.Skip(start).Take(end - start)]), MerkleProofs.RangeHash(start, end, tree.Perfect));
    }

    [Property(MaxTest = 100)]
    public void RangeHash_RootOfAnySize_ReadsAtMostOnePerfectSubtreePerBit(PositiveInt sizeSeed)
    {
        var size = (sizeSeed.Get % 1000) + 1;
        var tree = TestTree.WithLeaves(size, 1);
        MerkleProofs.RangeHash(0, size, tree.Perfect);
        Assert.Equal(System.Numerics.BitOperations.PopCount((uint)size), tree.PerfectReads);
    }

    [Fact]
    public void InclusionProof_LargeTree_ReadsLogarithmicallyManyPerfectSubtrees()
    {
        // A ledger-sized index: only perfect-subtree reads, O(log n) of them.
        const long size = 10_000_001;
        var reads = 0;
        byte[] Perfect(long index, int level)
        {
            reads++;
            return MerkleHash.Leaf(BitConverter.GetBytes((index << 6) | (long)level));
        }

        var proof = MerkleProofs.InclusionProof(size - 2, size, (s, e) => MerkleProofs.RangeHash(s, e, Perfect));
        Assert.Equal(ExpectedPathLength(size - 2, size), proof.Count);
        Assert.InRange(reads, proof.Count, 2 * 64);
    }

    /// <summary>RFC 9162: the audit path has one node per level where the leaf's ancestor has a sibling.</summary>
    private static int ExpectedPathLength(long index, long size)
    {
        var length = 0;
        for (long fn = index, sn = size - 1; sn > 0; fn >>= 1, sn >>= 1)
        {
            if ((fn & 1) == 1 || fn < sn)
            {
                length++;
            }
        }

        return length;
    }
}
