using TraceChain.Protocol.Diagnosis;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Tests.Gs1;

namespace TraceChain.Protocol.Tests.Diagnosis;

public sealed class DiagnosisCorpusTests
{
    private static readonly Gs1ParseOptions Options = new() { TimeProvider = FixedClock.Year2026 };
    private static readonly Lazy<string[][]> Rows = new(() =>
        [.. File.ReadAllLines(Gs1Corpus.FindTestData("gs1/diagnosis.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t'))]);

    public static TheoryData<int> Indexes => [.. Enumerable.Range(0, Rows.Value.Length)];

    [Fact]
    public void Corpus_CoversEveryFindingExceptCaseConversion()
    {
        var codes = Rows.Value.Select(r => Enum.Parse<ScanFindingCode>(r[1])).ToHashSet();
        Assert.Equal(Enum.GetValues<ScanFindingCode>().Length - 1, codes.Count);
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Diagnose_DamagedScan_FirstFindingNamesFaultAndRepairsIt(int index)
    {
        var row = Rows.Value[index];
        var raw = Gs1Corpus.Unescape(row[0]);
        var findings = ScanDiagnosis.Diagnose(raw, Options);
        Assert.NotEmpty(findings);
        Assert.Equal(row[1], findings[0].Code.ToString());
        Assert.Equal(row[2], findings[0].Repaired?.HumanReadable ?? "-");
    }
}
