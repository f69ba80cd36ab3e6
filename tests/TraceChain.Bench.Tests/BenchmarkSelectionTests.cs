namespace TraceChain.Bench.Tests;

/// <summary><c>--only</c> picks benchmarks by exact name, one or a comma-separated list, and a run keeps name order.</summary>
public sealed class BenchmarkSelectionTests
{
    private static readonly IBenchmark[] All = [new Named("VerifyHttp"), new Named("Mqtt"), new Named("Ingest"), new Named("parse")];

    [Fact]
    public void WithoutOnly_EveryBenchmark_InNameOrder() =>
        Assert.Equal(["Ingest", "Mqtt", "VerifyHttp", "parse"], Names(BenchmarkSelection.Select(All, null)));

    [Fact]
    public void OnlyAList_TakesThoseNamed_InNameOrder_NotInListOrder() =>
        Assert.Equal(["Ingest", "Mqtt"], Names(BenchmarkSelection.Select(All, "Mqtt, Ingest")));

    [Fact]
    public void OnlyOneName_MatchesExactly() =>
        Assert.Empty(BenchmarkSelection.Select(All, "mqtt"));

    private static string[] Names(IReadOnlyList<IBenchmark> benchmarks) => [.. benchmarks.Select(b => b.Name)];

    private sealed class Named(string name) : IBenchmark
    {
        public string Name => name;

        public Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
