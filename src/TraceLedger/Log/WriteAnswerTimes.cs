using System.Collections.Immutable;

namespace TraceLedger.Log;

/// <summary>
/// How long the log's writer took to answer its writes, from queueing to the answer after commit (waiting in the
/// queue, the body, the durable commit), counted in buckets: enough to tell whether a slow request was slow in the
/// ledger or elsewhere. <see cref="Counts"/>[i] counts answers up to <see cref="BoundsMs"/>[i] (and above the
/// previous bound); the last count is everything slower than the last bound.
/// </summary>
public sealed record WriteAnswerTimes(ImmutableArray<long> Counts)
{
    /// <summary>Upper bounds of the buckets, in ms.</summary>
    public static readonly ImmutableArray<double> BoundsMs = [0.5, 1, 2, 5, 10, 20, 50];

    /// <summary>No answer yet.</summary>
    public static readonly WriteAnswerTimes None = new(ImmutableArray.Create(new long[BoundsMs.Length + 1]));

    /// <summary>Answers counted.</summary>
    public long Total => Counts.Sum();

    /// <summary>The share of answers slower than <paramref name="boundMs"/>, one of <see cref="BoundsMs"/>.</summary>
    public double ShareSlowerThan(double boundMs)
    {
        var index = BoundsMs.IndexOf(boundMs);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(boundMs), boundMs, "not a bucket bound");
        }

        var total = Total;
        return total == 0 ? 0 : (double)Counts.Skip(index + 1).Sum() / total;
    }

    /// <summary>The answers counted between <paramref name="earlier"/> and this.</summary>
    public WriteAnswerTimes Since(WriteAnswerTimes earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new([.. Counts.Select((count, i) => count - earlier.Counts[i])]);
    }

    /// <summary>The bucket of an answer that took <paramref name="ms"/>.</summary>
    internal static int Bucket(double ms)
    {
        var i = 0;
        while (i < BoundsMs.Length && ms > BoundsMs[i])
        {
            i++;
        }

        return i;
    }
}
