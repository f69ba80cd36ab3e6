using System.Text;
using System.Text.Json;
using TraceChain.Protocol.Json;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Json;

/// <summary>RFC 8785 examples (testdata/jcs/).</summary>
public sealed class CanonicalJsonTests
{
    public static TheoryData<string, string> NumberVectors()
    {
        var data = new TheoryData<string, string>();
        using var document = JsonDocument.Parse(RepoFiles.Bytes("testdata", "jcs", "rfc8785.json"));
        foreach (var vector in document.RootElement.GetProperty("numbers").EnumerateArray())
        {
            data.Add(vector.GetProperty("ieee754").GetString()!, vector.GetProperty("es6").GetString()!);
        }

        return data;
    }

    [Theory]
    [InlineData("values.input.json", "values.canonical.json")]
    [InlineData("sorting.input.json", "sorting.canonical.json")]
    public void Canonicalize_Rfc8785Examples_MatchPublishedBytes(string input, string canonical)
    {
        var expected = RepoFiles.Bytes("testdata", "jcs", canonical);
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(CanonicalJson.Canonicalize(RepoFiles.Bytes("testdata", "jcs", input))));
    }

    [Theory]
    [MemberData(nameof(NumberVectors))]
    public void Canonicalize_Rfc8785AppendixBNumbers_UseEs6Form(string ieee754Hex, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(Convert.ToInt64(ieee754Hex, 16));
        var json = "[" + value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "]";
        Assert.Equal("[" + expected + "]", Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Canonicalize_IsIdempotent()
    {
        var once = CanonicalJson.Canonicalize(RepoFiles.Bytes("testdata", "jcs", "values.input.json"));
        Assert.Equal(once, CanonicalJson.Canonicalize(once));
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""", "Duplicate member 'a'")]
    [InlineData("""[1e400]""", "outside the IEEE 754 double range")]
    [InlineData("""{"a":1,}""", "Not valid JSON")]
    [InlineData("""["\ud800"]""", "lone surrogate")]
    public void Canonicalize_InvalidInput_ReportsProblem(string json, string problem)
    {
        var error = Assert.ThrowsAny<Exception>(() => CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));
        Assert.IsType<FormatException>(error);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_ControlCharacters_UseShortOrLowercaseHexEscapes()
    {
        var json = "[\"\\u0000\\u0008\\u0009\\u000A\\u000C\\u000D\\u001F\\u007F\\u2028\"]";
        var canonical = Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));
        Assert.Equal("[\"\\u0000\\b\\t\\n\\f\\r\\u001f\u007f\u2028\"]", canonical);
    }
}
