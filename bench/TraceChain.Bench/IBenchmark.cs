namespace TraceChain.Bench;

/// <summary>
/// One group of figures. The harness finds every implementation by reflection, so a feature adds its
/// benchmark as one new file and touches nothing else.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short name shown in progress output.</summary>
    string Name { get; }

    /// <summary>Measures and returns the figures; sizes shrink when <see cref="BenchContext.Quick"/> is set.</summary>
    Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
