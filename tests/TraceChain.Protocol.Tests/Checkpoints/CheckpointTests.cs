using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Merkle;

namespace TraceChain.Protocol.Tests.Checkpoints;

public sealed class CheckpointTests
{
    private static readonly byte[] Root = MerkleHash.Leaf("root"u8);

    [Fact]
    public void ToNoteText_IsOriginSizeBase64RootLines()
    {
        var text = new Checkpoint("tracechain.example/log", 42, Root).ToNoteText();
        Assert.Equal($"tracechain.example/log\n42\n{Convert.ToBase64String(Root)}\n", text);
    }

    [Fact]
    public void Parse_RoundTrips_IncludingExtensionLines()
    {
        var checkpoint = new Checkpoint("tracechain.example/log", 7, Root, ["Timestamp: 1700000000"]);
        var parsed = Checkpoint.Parse(checkpoint.ToNoteText());
        Assert.Equal(checkpoint, parsed);
        Assert.Equal(checkpoint.ToNoteText(), parsed.ToNoteText());
    }

    [Fact]
    public void Parse_EmptyTree_IsAccepted()
    {
        Assert.Equal(0, Checkpoint.Parse($"o\n0\n{Convert.ToBase64String(MerkleHash.EmptyRoot)}\n").TreeSize);
    }

    [Theory]
    [InlineData("o\n1\n{root}", "must end with a newline")]
    [InlineData("o\n1\n", "found 2 line(s)")]
    [InlineData("o\n01\n{root}\n", "without sign or leading zeros")]
    [InlineData("o\n+1\n{root}\n", "without sign or leading zeros")]
    [InlineData("o\n-1\n{root}\n", "without sign or leading zeros")]
    [InlineData("o\n99999999999999999999\n{root}\n", "without sign or leading zeros")]
    [InlineData("o\n1\nAAAA\n", "must be 32 bytes")]
    [InlineData("o\n1\n@@@@\n", "not standard base64")]
    [InlineData("\n1\n{root}\n", "origin must be a non-empty line")]
    [InlineData("o\n1\n{root}\n\n", "extension lines must be non-empty")]
    public void Parse_Malformed_NamesProblem(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => Checkpoint.Parse(text.Replace("{root}", Convert.ToBase64String(Root), StringComparison.Ordinal)));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonCanonicalBase64Root_IsRejected()
    {
        // Same bytes, different spelling: the last character carries non-zero padding bits.
        var canonical = Convert.ToBase64String(Root);
        var sloppy = canonical[..^2] + (char)(canonical[^2] + 1) + "=";
        Assert.Contains("canonical", Assert.Throws<FormatException>(() => Checkpoint.Parse($"o\n1\n{sloppy}\n")).Message, StringComparison.Ordinal);
    }
}
