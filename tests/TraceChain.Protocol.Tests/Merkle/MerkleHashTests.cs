using System.Security.Cryptography;
using TraceChain.Protocol.Merkle;

namespace TraceChain.Protocol.Tests.Merkle;

public sealed class MerkleHashTests
{
    [Fact]
    public void EmptyRoot_IsSha256OfEmptyString()
    {
        Assert.Equal(ReferenceTreeVectors.EmptyRoot, MerkleHash.EmptyRoot);
        Assert.Equal(SHA256.HashData([]), MerkleHash.EmptyRoot);
    }

    [Fact]
    public void EmptyRoot_ReturnsACopyCallersCannotCorrupt()
    {
        MerkleHash.EmptyRoot[0] ^= 0xff;
        Assert.Equal(ReferenceTreeVectors.EmptyRoot, MerkleHash.EmptyRoot);
    }

    [Fact]
    public void Leaf_PrefixesZeroByte()
    {
        Assert.Equal(SHA256.HashData([0x00, 0x61, 0x62]), MerkleHash.Leaf("ab"u8));
        Assert.Equal(ReferenceTreeVectors.RootsBySize[0], MerkleHash.Leaf([]));
    }

    [Fact]
    public void Node_PrefixesOneByte()
    {
        var left = MerkleHash.Leaf([1]);
        var right = MerkleHash.Leaf([2]);
        Assert.Equal(SHA256.HashData([0x01, .. left, .. right]), MerkleHash.Node(left, right));
    }

    [Fact]
    public void Node_WrongChildLength_ThrowsNamingSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => MerkleHash.Node(new byte[31], new byte[32]));
        Assert.Contains("31", error.Message, StringComparison.Ordinal);
    }
}
