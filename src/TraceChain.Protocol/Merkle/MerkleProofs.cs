using System.Numerics;
using System.Security.Cryptography;

namespace TraceChain.Protocol.Merkle;

/// <summary>
/// RFC 9162 Merkle tree math in one place: the reference tree hash, proof generation over a node accessor,
/// and proof verification (sections 2.1.1, 2.1.3 and 2.1.4).
/// </summary>
/// <remarks>
/// Generation never materialises the tree. It asks <c>subtreeHash(start, end)</c> for MTH of leaves
/// [start, end), and every range it asks for is either an aligned perfect subtree
/// [k * 2^j, (k + 1) * 2^j) or a right edge [start, treeSize) whose start is a multiple of the largest power
/// of two below its length. A store that keeps aligned perfect-subtree hashes answers the first kind with one
/// read and the second with <see cref="RangeHash"/> in O(log n) reads.
/// </remarks>
public static class MerkleProofs
{
    /// <summary>MTH over the given leaf hashes (the reference implementation, O(n), O(log n) memory).</summary>
    public static byte[] RootFromLeaves(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        if (leafHashes.Count == 0)
        {
            return MerkleHash.EmptyRoot;
        }

        // A binary counter of perfect subtrees: equal-sized neighbours merge as soon as they exist.
        var stack = new List<(byte[] Hash, long Size)>();
        foreach (var leaf in leafHashes)
        {
            RequireHash(leaf, nameof(leafHashes));
            var current = (Hash: leaf, Size: 1L);
            while (stack.Count > 0 && stack[^1].Size == current.Size)
            {
                current = (MerkleHash.Node(stack[^1].Hash, current.Hash), current.Size * 2);
                stack.RemoveAt(stack.Count - 1);
            }

            stack.Add(current);
        }

        // The leftover perfect subtrees shrink left to right; RFC 9162 folds them from the right.
        var root = stack[^1].Hash;
        for (var i = stack.Count - 2; i >= 0; i--)
        {
            root = MerkleHash.Node(stack[i].Hash, root);
        }

        return root;
    }

    /// <summary>
    /// MTH of leaves [start, end) composed from aligned perfect subtrees, where
    /// <paramref name="perfectSubtree"/>(index, level) is the hash of leaves [index * 2^level, (index + 1) * 2^level).
    /// Ranges that <see cref="InclusionProof"/> and <see cref="ConsistencyProof"/> request cost O(log n) calls;
    /// any other range is still answered correctly, with more calls.
    /// </summary>
    public static byte[] RangeHash(long start, long end, Func<long, int, byte[]> perfectSubtree)
    {
        ArgumentNullException.ThrowIfNull(perfectSubtree);
        if (start < 0 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"Invalid leaf range [{start}, {end}).");
        }

        if (start == end)
        {
            return MerkleHash.EmptyRoot;
        }

        var length = end - start;
        if (BitOperations.IsPow2(length) && start % length == 0)
        {
            var level = BitOperations.Log2((ulong)length);
            return RequireHash(perfectSubtree(start >> level, level), nameof(perfectSubtree));
        }

        var split = LargestPowerOfTwoBelow(length);
        return MerkleHash.Node(RangeHash(start, start + split, perfectSubtree), RangeHash(start + split, end, perfectSubtree));
    }

    /// <summary>Root of the first <paramref name="treeSize"/> leaves from stored perfect subtrees (one read per set bit of the size).</summary>
    public static byte[] Root(long treeSize, Func<long, int, byte[]> perfectSubtree) => RangeHash(0, treeSize, perfectSubtree);

    /// <summary>
    /// The perfect subtrees that appending leaf <paramref name="leafIndex"/> completes, leaf first: (index, level, hash)
    /// with hash = MTH of leaves [index * 2^level, (index + 1) * 2^level). A store that keeps them can answer
    /// <see cref="RangeHash"/> for every proof. <paramref name="perfectSubtree"/> is asked only for left siblings,
    /// which earlier appends completed.
    /// </summary>
    public static IReadOnlyList<(long Index, int Level, byte[] Hash)> CompletedSubtrees(long leafIndex, ReadOnlySpan<byte> leafHash, Func<long, int, byte[]> perfectSubtree)
    {
        ArgumentNullException.ThrowIfNull(perfectSubtree);
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash is {MerkleHash.Size} bytes, not {leafHash.Length}.", nameof(leafHash));
        }

        var hash = leafHash.ToArray();
        var index = leafIndex;
        var completed = new List<(long, int, byte[])> { (index, 0, hash) };
        for (var level = 1; (index & 1) == 1; level++)
        {
            hash = MerkleHash.Node(RequireHash(perfectSubtree(index - 1, level - 1), nameof(perfectSubtree)), hash);
            index >>= 1;
            completed.Add((index, level, hash));
        }

        return completed;
    }

    /// <summary>
    /// The audit path PATH(index, D[treeSize]) of RFC 9162 section 2.1.3.1, leaf-most sibling first.
    /// <paramref name="subtreeHash"/>(start, end) must return MTH of leaves [start, end).
    /// </summary>
    public static IReadOnlyList<byte[]> InclusionProof(long index, long treeSize, Func<long, long, byte[]> subtreeHash)
    {
        ArgumentNullException.ThrowIfNull(subtreeHash);
        if (index < 0 || index >= treeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf index {index} is outside a tree of size {treeSize}.");
        }

        var proof = new List<byte[]>();
        AppendPath(index, 0, treeSize, subtreeHash, proof);
        return proof;
    }

    /// <summary>
    /// The consistency proof PROOF(size1, D[size2]) of RFC 9162 section 2.1.4.1; empty when size1 is 0 or equals size2.
    /// <paramref name="subtreeHash"/>(start, end) must return MTH of leaves [start, end).
    /// </summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(long size1, long size2, Func<long, long, byte[]> subtreeHash)
    {
        ArgumentNullException.ThrowIfNull(subtreeHash);
        if (size1 < 0 || size2 < size1)
        {
            throw new ArgumentOutOfRangeException(nameof(size1), $"No consistency proof from size {size1} to size {size2}.");
        }

        var proof = new List<byte[]>();
        if (size1 > 0 && size1 < size2)
        {
            AppendSubproof(size1, 0, size2, true, subtreeHash, proof);
        }

        return proof;
    }

    /// <summary>Verifies an inclusion proof (RFC 9162 section 2.1.3.2). Never throws on bad input; returns false.</summary>
    public static bool VerifyInclusion(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> rootHash)
    {
        if (proof is null || index < 0 || index >= treeSize || leafHash.Length != MerkleHash.Size
            || rootHash.Length != MerkleHash.Size || !AllHashes(proof))
        {
            return false;
        }

        var fn = index;
        var sn = treeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && CryptographicOperations.FixedTimeEquals(r, rootHash);
    }

    /// <summary>
    /// Verifies a consistency proof (RFC 9162 section 2.1.4.2). Equal sizes need an empty proof and equal roots;
    /// size1 = 0 needs an empty proof. Never throws on bad input; returns false.
    /// </summary>
    public static bool VerifyConsistency(long size1, long size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        if (proof is null || size1 < 0 || size2 < size1 || root1.Length != MerkleHash.Size
            || root2.Length != MerkleHash.Size || !AllHashes(proof))
        {
            return false;
        }

        if (size1 == size2)
        {
            return proof.Count == 0 && CryptographicOperations.FixedTimeEquals(root1, root2);
        }

        if (size1 == 0)
        {
            return proof.Count == 0;
        }

        if (proof.Count == 0)
        {
            return false;
        }

        // When size1 is a power of two, the old root is itself a node of the new tree and starts the path.
        var path = BitOperations.IsPow2(size1) ? [root1.ToArray(), .. proof] : proof;
        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && CryptographicOperations.FixedTimeEquals(fr, root1) && CryptographicOperations.FixedTimeEquals(sr, root2);
    }

    private static void AppendPath(long index, long start, long end, Func<long, long, byte[]> subtreeHash, List<byte[]> proof)
    {
        var length = end - start;
        if (length == 1)
        {
            return;
        }

        var split = start + LargestPowerOfTwoBelow(length);
        if (index < split)
        {
            AppendPath(index, start, split, subtreeHash, proof);
            proof.Add(RequireHash(subtreeHash(split, end), nameof(subtreeHash)));
        }
        else
        {
            AppendPath(index, split, end, subtreeHash, proof);
            proof.Add(RequireHash(subtreeHash(start, split), nameof(subtreeHash)));
        }
    }

    private static void AppendSubproof(long size1, long start, long end, bool wholeOldTreeKnown, Func<long, long, byte[]> subtreeHash, List<byte[]> proof)
    {
        var length = end - start;
        var oldLength = size1 - start;
        if (oldLength == length)
        {
            if (!wholeOldTreeKnown)
            {
                proof.Add(RequireHash(subtreeHash(start, end), nameof(subtreeHash)));
            }

            return;
        }

        var split = start + LargestPowerOfTwoBelow(length);
        if (size1 <= split)
        {
            AppendSubproof(size1, start, split, wholeOldTreeKnown, subtreeHash, proof);
            proof.Add(RequireHash(subtreeHash(split, end), nameof(subtreeHash)));
        }
        else
        {
            AppendSubproof(size1, split, end, false, subtreeHash, proof);
            proof.Add(RequireHash(subtreeHash(start, split), nameof(subtreeHash)));
        }
    }

    /// <summary>Largest power of two strictly below <paramref name="n"/> (n ≥ 2).</summary>
    private static long LargestPowerOfTwoBelow(long n) => 1L << BitOperations.Log2((ulong)(n - 1));

    private static bool AllHashes(IReadOnlyList<byte[]> proof)
    {
        foreach (var node in proof)
        {
            if (node is null || node.Length != MerkleHash.Size)
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] RequireHash(byte[]? hash, string source) =>
        hash is { Length: MerkleHash.Size }
            ? hash
            : throw new InvalidOperationException($"{source} returned {(hash is null ? "null" : $"{hash.Length} bytes")} where a {MerkleHash.Size}-byte hash was expected.");
}
