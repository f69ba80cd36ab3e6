using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Tests.Gs1;
using TraceChain.Protocol.Tests.Scratch;

namespace TraceChain.Protocol.Tests.DigitalLink;

public sealed class DigitalLinkGoldenTests
{
    private static readonly Gs1ParseOptions Options = new() { TimeProvider = FixedClock.Year2026 };

    public static TheoryData<string, string> Vectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(ScratchCodeTests.TestDataPath("codes", "digital-link.tsv")))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var parts = line.Split('\t');
                data.Add(parts[0], parts[1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_ParsesAsRecorded(string uri, string expected)
    {
        var ok = DigitalLinkUri.TryParse(uri, Options, out var link, out var error);
        if (expected.StartsWith("error:", StringComparison.Ordinal))
        {
            Assert.False(ok, $"accepted as {link}");
            Assert.Equal(expected["error:".Length..], error!.Kind.ToString());
        }
        else
        {
            Assert.True(ok, error?.Message);
            Assert.Equal(expected, link!.ToGs1(Options).HumanReadable);
        }
    }

    [Fact]
    public void Vectors_CoverValidAndInvalidUris()
    {
        var vectors = Vectors().Select(row => (string)row[1]).ToList();
        Assert.True(vectors.Count(v => v.StartsWith("error:", StringComparison.Ordinal)) >= 15);
        Assert.True(vectors.Count(v => v.StartsWith('(')) >= 20);
    }
}
