using FsCheck;
using FsCheck.Xunit;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Merkle;

/// <summary>Appending leaf by leaf and storing what each append completes rebuilds every perfect subtree.</summary>
public sealed class CompletedSubtreesTests
{
    [Property(MaxTest = 60)]
    public void CompletedSubtrees_AppendedOneByOne_StoreEqualsFullTreeAndRootsMatch(PositiveInt sizeSeed)
    {
        var size = (sizeSeed.Get % 200) + 1;
        var reference = TestTree.WithLeaves(size, sizeSeed.Get);
        var store = new Dictionary<(long, int), byte[]>();
        for (var i = 0; i < size; i++)
        {
            foreach (var (index, level, hash) in MerkleProofs.CompletedSubtrees(i, reference.Leaves[i], (k, l) => store[(k, l)]))
            {
                Assert.True(store.TryAdd((index, level), hash), $"({index}, {level}) completed twice");
            }

            Assert.Equal(reference.Root(i + 1), MerkleProofs.Root(i + 1, (k, l) => store[(k, l)]));
        }

        foreach (var ((index, level), hash) in store)
        {
            Assert.Equal(reference.Perfect(index, level), hash);
        }
    }

    [Fact]
    public void CompletedSubtrees_SeventhLeaf_CompletesThreeLevels()
    {
        var tree = TestTree.WithLeaves(8);
        var completed = MerkleProofs.CompletedSubtrees(7, tree.Leaves[7], tree.Perfect);
        Assert.Equal([(7L, 0), (3L, 1), (1L, 2), (0L, 3)], completed.Select(c => (c.Index, c.Level)));
        Assert.Equal(tree.Root(8), completed[^1].Hash);
    }

    [Fact]
    public void CompletedSubtrees_BadLeafHash_Throws()
    {
        Assert.Throws<ArgumentException>(() => MerkleProofs.CompletedSubtrees(0, new byte[5], (_, _) => []));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.CompletedSubtrees(-1, new byte[32], (_, _) => []));
    }
}
