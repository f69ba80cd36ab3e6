using TraceChain.Protocol.Merkle;

namespace TraceLedger.Log;

/// <summary>
/// The right edge of the tree: one aligned perfect subtree per set bit of the size, largest first. Appending a
/// leaf completes the subtrees <see cref="MerkleProofs.CompletedSubtrees"/> names; each one above the leaf is a
/// new row for the tree_nodes table.
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
        var subtrees = MerkleProofs.CompletedSubtrees(Size, leafHash, Find);

        // Every left sibling merged into the new top was a frontier node; they sit at the end of the list.
        nodes.RemoveRange(nodes.Count - (subtrees.Count - 1), subtrees.Count - 1);
        var top = subtrees[^1];
        nodes.Add(new TreeNode(top.Level, top.Index, top.Hash));
        for (var i = 1; i < subtrees.Count; i++)
        {
            completed.Add(new TreeNode(subtrees[i].Level, subtrees[i].Index, subtrees[i].Hash));
        }

        Size++;
    }

    /// <summary>The root hash MTH(D[Size]).</summary>
    public byte[] Root() => MerkleProofs.Root(Size, Find);

    private byte[] Find(long index, int level) =>
        nodes.Find(n => n.Level == level && n.Index == index)?.Hash
        ?? throw new InvalidOperationException($"The tree frontier has no node ({level}, {index}) for size {Size}.");
}
