using System.Diagnostics;

namespace TraceChain.Bench;

/// <summary>
/// Load from concurrent in-process HTTP clients: closed loop (each client sends its next request when the last is
/// answered: the most the server does) or paced (requests at a fixed rate, the way a latency goal is stated).
/// Paced latency counts from the time a request was due whenever its client was still waiting for the previous
/// answer, so a slow answer also delays the requests behind it in the figure (no coordinated omission); when the
/// client was idle it counts from the send, so the timer's own lateness in waking it is not charged to the server.
/// </summary>
public static class HttpLoad
{
    /// <summary>One request, sent by client <c>random</c>'s owner; throws when it fails.</summary>
    public delegate Task SendAsync(Random random, CancellationToken cancellationToken);

    /// <summary>Every latency in ms, the answered requests per second, and how long the run took.</summary>
    public sealed record Result(List<double> Latencies, double Rate, TimeSpan Elapsed);

    /// <summary>Each of <paramref name="clients"/> sends back to back until <paramref name="duration"/> is up.</summary>
    public static async Task<Result> ClosedLoopAsync(int clients, TimeSpan duration, SendAsync send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var watch = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var random = new Random(c);
            var times = new List<double>();
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                await send(random, cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return times;
        }));
        return Collect(perClient, watch.Elapsed);
    }

    /// <summary>
    /// <paramref name="rate"/> requests per second for <paramref name="duration"/>, spread over <paramref name="clients"/>
    /// clients with staggered schedules (client c's k-th request is due at (k * clients + c) / rate).
    /// </summary>
    public static async Task<Result> PacedAsync(int clients, double rate, TimeSpan duration, SendAsync send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var origin = Stopwatch.GetTimestamp();
        var end = origin + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var random = new Random(c);
            var times = new List<double>();
            for (var k = 0L; ; k++)
            {
                var due = origin + (long)((k * clients + c) / rate * Stopwatch.Frequency);
                if (due >= end)
                {
                    return times;
                }

                var start = Stopwatch.GetTimestamp();
                if (start < due)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)(due - start) / Stopwatch.Frequency), cancellationToken);
                    start = Stopwatch.GetTimestamp(); // idle client: the timer's lateness is not the server's
                }
                else
                {
                    start = due; // still busy with the previous answer: this one is late because of the server
                }

                await send(random, cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        return Collect(perClient, Stopwatch.GetElapsedTime(origin));
    }

    private static Result Collect(IEnumerable<List<double>> perClient, TimeSpan elapsed)
    {
        List<double> all = [.. perClient.SelectMany(t => t)];
        return new Result(all, all.Count / elapsed.TotalSeconds, elapsed);
    }
}
