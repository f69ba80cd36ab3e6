using System.Security.Cryptography;

namespace TraceChain.Protocol.Merkle;

/// <summary>
/// RFC 9162 section 2.1.1 hashing with SHA-256: leaves and interior nodes are domain-separated by a
/// one-byte prefix so a leaf can never be passed off as a node (second-preimage resistance).
/// </summary>
public static class MerkleHash
{
    /// <summary>Size in bytes of every hash in the tree.</summary>
    public const int Size = 32;

    private static readonly byte[] Empty = SHA256.HashData([]);

    /// <summary>MTH({}) = SHA-256 of the empty string, the root of a tree with no leaves. Returns a fresh copy.</summary>
    public static byte[] EmptyRoot => (byte[])Empty.Clone();

    /// <summary>Leaf hash: SHA-256(0x00 || entry).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([0x00]);
        hash.AppendData(entry);
        return hash.GetHashAndReset();
    }

    /// <summary>Interior node hash: SHA-256(0x01 || left || right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != Size || right.Length != Size)
        {
            throw new ArgumentException($"Merkle node children must be {Size}-byte hashes (got {left.Length} and {right.Length} bytes).");
        }

        Span<byte> buffer = stackalloc byte[1 + (2 * Size)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        return SHA256.HashData(buffer);
    }
}
