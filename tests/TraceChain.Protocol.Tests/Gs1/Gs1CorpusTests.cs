using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Tests.Gs1;

public sealed class Gs1CorpusTests
{
    private static readonly Gs1ParseOptions Options = new() { TimeProvider = FixedClock.Year2026 };

    public static TheoryData<int> Lines => [.. Gs1Corpus.All.Keys];

    [Fact]
    public void Corpus_HasAtLeast300CasesOfBothKinds()
    {
        Assert.True(Gs1Corpus.All.Count >= 300);
        Assert.True(Gs1Corpus.All.Values.Count(c => c.Valid) >= 150);
        Assert.True(Gs1Corpus.All.Values.Count(c => !c.Valid) >= 150);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Parse_CorpusLine_GivesExpectedResult(int line)
    {
        var expected = Gs1Corpus.All[line];
        var result = Gs1Parser.Parse(expected.Input, Options);
        if (expected.Valid)
        {
            Assert.True(result.Success, $"line {line} ({expected.Note}): {result}");
            Assert.Equal(expected.Result, result.HumanReadable);
            Assert.Equal(expected.Identifier, result.Identifier?.Key ?? "-");
            var reparsed = Gs1Parser.Parse(result.ElementString, Options);
            Assert.Equal(expected.Result, reparsed.HumanReadable);
        }
        else
        {
            Assert.False(result.Success, $"line {line} ({expected.Note}) parsed as {result.HumanReadable}");
            Assert.Equal(expected.Result, result.Error.Code.ToString());
            Assert.Contains(result.Error.Code.ToString(), result.Error.Message, StringComparison.Ordinal);
        }
    }
}
