using TraceChain.Protocol.Merkle;

namespace TraceLedger.Log;

/// <summary>
/// The right edge of the tree: one aligned perfect subtree per set bit of the size, largest first. Appending a
/// leaf merges equal-sized neighbours, and every merge is a newly completed node for the tree_nodes table.
/// </summary>
internal sealed class TreeFrontier
{
    private readonly List<TreeNode> nodes;

    private TreeFrontier(long size, List<TreeNode> nodes)
    {
        Size = size;
        this.nodes = nodes;
    }

    public long Size { get; private set; }

    /// <summary>Rebuilds the frontier of a tree of <paramref name="size"/> leaves from stored subtree hashes.</summary>
    public static TreeFrontier Load(long size, Func<long, int, byte[]> perfectSubtree)
    {
        var nodes = new List<TreeNode>();
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) != 0)
            {
                nodes.Add(new TreeNode(level, start >> level, perfectSubtree(start >> level, level)));
                start += 1L << level;
            }
        }

        return new TreeFrontier(size, nodes);
    }

    /// <summary>A copy to work on inside a transaction, so a rollback leaves this one untouched.</summary>
    public TreeFrontier Clone() => new(Size, [.. nodes]);

    /// <summary>Appends leaf number <see cref="Size"/> and reports each interior node it completes.</summary>
    public void Append(byte[] leafHash, List<TreeNode> completed)
    {
        var current = new TreeNode(0, Size, leafHash);
        while (nodes.Count > 0 && nodes[^1].Level == current.Level)
        {
            var left = nodes[^1];
            nodes.RemoveAt(nodes.Count - 1);
            current = new TreeNode(current.Level + 1, left.Index >> 1, MerkleHash.Node(left.Hash, current.Hash));
            completed.Add(current);
        }

        nodes.Add(current);
        Size++;
    }

    /// <summary>The root hash MTH(D[Size]).</summary>
    public byte[] Root() => MerkleProofs.RangeHash(0, Size, (index, level) =>
        nodes.Find(n => n.Level == level && n.Index == index)?.Hash
        ?? throw new InvalidOperationException($"The tree frontier has no node ({level}, {index}) for size {Size}."));
}
