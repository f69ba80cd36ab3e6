using TraceChain.Protocol.DigitalLink;

namespace TraceChain.Protocol.Tests.DigitalLink;

public sealed class UriComponentCodecTests
{
    [Theory]
    [InlineData("ABCxyz0129-._", "ABCxyz0129-._")]
    [InlineData("!\"%&'()*+,/:;<=>?", "%21%22%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F")] // every CSET 82 symbol that needs it
    [InlineData("A/B", "A%2FB")]
    public void Encode_LeavesUnreservedAndEncodesTheRest(string value, string expected)
    {
        Assert.Equal(expected, UriComponentCodec.Encode(value, isQuery: false));
        Assert.Equal(expected, UriComponentCodec.Encode(value, isQuery: true));
    }

    [Fact]
    public void Encode_Space_IsPlusInQueryAndPercent20InPath()
    {
        Assert.Equal("A+B", UriComponentCodec.Encode("A B", isQuery: true));
        Assert.Equal("A%20B", UriComponentCodec.Encode("A B", isQuery: false));
    }

    [Theory]
    [InlineData("ABC%2d123", false, "ABC-123")]
    [InlineData("32a%2Fb", false, "32a/b")]
    [InlineData("ABC+123", false, "ABC+123")] // '+' is itself in a path
    [InlineData("ABC+123", true, "ABC 123")] // and a space in a query (form encoding)
    [InlineData("%e4%b8%ad", false, "中")]
    public void Decode_UndoesPercentEncoding(string encoded, bool isQuery, string expected)
    {
        Assert.Equal(expected, UriComponentCodec.Decode(encoded, isQuery, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("ABC%2")]
    [InlineData("ABC%")]
    [InlineData("A%4gB")]
    [InlineData("A%00B")]
    [InlineData("%FF")]
    public void Decode_MalformedEscapes_AreReported(string encoded)
    {
        Assert.Null(UriComponentCodec.Decode(encoded, isQuery: false, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void EncodeThenDecode_IsIdentityForEveryCset82Character()
    {
        const string cset82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
        foreach (var isQuery in new[] { false, true })
        {
            Assert.Equal(cset82, UriComponentCodec.Decode(UriComponentCodec.Encode(cset82, isQuery), isQuery, out _));
        }
    }
}
