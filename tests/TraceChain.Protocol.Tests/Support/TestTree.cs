using TraceChain.Protocol.Merkle;

namespace TraceChain.Protocol.Tests.Support;

/// <summary>
/// A fully materialised tree of aligned perfect subtrees, the way the ledger stores them, that counts what
/// proof generation asks of it.
/// </summary>
internal sealed class TestTree
{
    private readonly List<byte[][]> levels = [];

    public TestTree(IReadOnlyList<byte[]> leafHashes)
    {
        Leaves = leafHashes;
        levels.Add([.. leafHashes]);
        while (levels[^1].Length > 1)
        {
            var below = levels[^1];
            var above = new byte[below.Length / 2][];
            for (var i = 0; i < above.Length; i++)
            {
                above[i] = MerkleHash.Node(below[2 * i], below[(2 * i) + 1]);
            }

            levels.Add(above);
        }
    }

    public IReadOnlyList<byte[]> Leaves { get; }

    public int PerfectReads { get; private set; }

    public static TestTree WithLeaves(int size, int seed = 0) =>
        new([.. Enumerable.Range(0, size).Select(i => MerkleHash.Leaf(BitConverter.GetBytes((seed * 1_000_003L) + i)))]);

    public byte[] Perfect(long index, int level)
    {
        PerfectReads++;
        Assert.True(level < levels.Count && index < levels[level].Length, $"perfect subtree ({index}, {level}) does not exist");
        return levels[level][index];
    }

    /// <summary>The accessor proof generation gets: every requested range must be aligned-perfect or a right edge.</summary>
    public byte[] Subtree(long start, long end, long treeSize)
    {
        var length = end - start;
        var perfect = System.Numerics.BitOperations.IsPow2(length) && start % length == 0;
        Assert.True(perfect || end == treeSize, $"range [{start}, {end}) is neither an aligned perfect subtree nor a right edge of {treeSize}");
        return MerkleProofs.RangeHash(start, end, Perfect);
    }

    public byte[] Root(long size) => MerkleProofs.RootFromLeaves([.. Leaves.Take((int)size)]);
}
