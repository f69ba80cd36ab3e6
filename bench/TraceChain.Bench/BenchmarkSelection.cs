namespace TraceChain.Bench;

/// <summary>Which benchmarks a run takes: all, or those named by <c>--only NAME[,NAME...]</c>, in name order.</summary>
public static class BenchmarkSelection
{
    public static IReadOnlyList<IBenchmark> Select(IEnumerable<IBenchmark> all, string? only)
    {
        ArgumentNullException.ThrowIfNull(all);
        var names = only?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. all.Where(b => names is null || names.Contains(b.Name, StringComparer.Ordinal)).OrderBy(b => b.Name, StringComparer.Ordinal)];
    }
}
