using System.Diagnostics;

namespace TraceChain.Bench;

/// <summary>Timing helpers: medians over repeated runs, because one run on a shared machine is noise.</summary>
public static class Measure
{
    /// <summary>Runs <paramref name="body"/> <paramref name="runs"/> times and returns the median of what it returns.</summary>
    public static double Median(int runs, Func<double> body)
    {
        var values = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            values[i] = body();
        }

        return MedianOf(values);
    }

    /// <summary>Median of the given values.</summary>
    public static double MedianOf(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The p-th percentile (0..100) of the given values, nearest-rank.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Operations per second of <paramref name="body"/>, which performs <paramref name="operations"/> operations.</summary>
    public static double Rate(long operations, Action body)
    {
        var watch = Stopwatch.StartNew();
        body();
        return operations / watch.Elapsed.TotalSeconds;
    }
}
