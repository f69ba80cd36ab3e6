using System.Diagnostics;
using TraceLedger.Log;

namespace TraceChain.Bench;

/// <summary>
/// Load from concurrent in-process HTTP clients: closed loop (each client sends its next request when the last is
/// answered: the most the server does) or paced (requests at a fixed rate, the way a latency goal is stated).
/// Paced latency counts from the time a request was due whenever its client was still waiting for the previous
/// answer, so a slow answer also delays the requests behind it in the figure (no coordinated omission); when the
/// client was idle it counts from the send, so the pacer's own lateness in waking is not charged to the server.
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
    /// <paramref name="rate"/> requests per second for <paramref name="duration"/>, evenly spaced (request i is due at
    /// i / rate) and taken in turn by <paramref name="clients"/> clients (client i mod clients). One pacer thread sleeps
    /// until each due time (<see cref="PreciseSleep"/>) and starts the request itself. Task.Delay would not do: on Linux
    /// the runtime's timers fire in batches a millisecond or more apart, and a schedule kept with them sent 78 % of its
    /// requests within 20 us of the one before, in bursts of about twenty every few milliseconds.
    /// </summary>
    public static async Task<Result> PacedAsync(int clients, double rate, TimeSpan duration, SendAsync send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var paced = Enumerable.Range(0, clients).Select(c => new PacedClient(new Random(c), send, cancellationToken)).ToArray();
        var origin = Stopwatch.GetTimestamp();
        var end = origin + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var pacing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pacer = new Thread(() =>
        {
            try
            {
                for (var i = 0L; !cancellationToken.IsCancellationRequested; i++)
                {
                    var due = origin + (long)(i / rate * Stopwatch.Frequency);
                    if (due >= end)
                    {
                        break;
                    }

                    PreciseSleep.Until(due);
                    paced[i % clients].Due(due);
                }

                pacing.SetResult();
            }
            catch (Exception e)
            {
                pacing.SetException(e);
            }
        })
        { IsBackground = true, Name = "HTTP load pacer" };
        pacer.Start();
        await pacing.Task;
        foreach (var client in paced)
        {
            await client.DrainedAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Collect(paced.Select(c => c.Latencies), Stopwatch.GetElapsedTime(origin));
    }

    private static Result Collect(IEnumerable<List<double>> perClient, TimeSpan elapsed)
    {
        List<double> all = [.. perClient.SelectMany(t => t)];
        return new Result(all, all.Count / elapsed.TotalSeconds, elapsed);
    }

    /// <summary>
    /// One paced client: sends at once when idle, else queues the due time and sends right after its previous answer,
    /// counting that request's latency from when it was due.
    /// </summary>
    private sealed class PacedClient(Random random, SendAsync send, CancellationToken cancellationToken)
    {
        private readonly Queue<long> late = new();
        private Task running = Task.CompletedTask;
        private bool busy;

        public List<double> Latencies { get; } = [];

        /// <summary>A request of this client is due now (<paramref name="due"/>); called by the pacer thread only.</summary>
        public void Due(long due)
        {
            lock (late)
            {
                if (busy)
                {
                    late.Enqueue(due); // still waiting for the previous answer: this one is late because of the server
                    return;
                }

                // Idle: the request is sent from the pacer's thread up to its first wait, and timed from now.
                busy = true;
                running = RunAsync(Stopwatch.GetTimestamp());
            }
        }

        /// <summary>Completes once every request handed to this client is answered; throws the first failure.</summary>
        public async Task DrainedAsync()
        {
            while (true)
            {
                Task last;
                lock (late)
                {
                    if (!busy)
                    {
                        return; // a failed request keeps its client busy, so its failure is thrown below
                    }

                    last = running;
                }

                await last;
            }
        }

        private async Task RunAsync(long start)
        {
            while (true)
            {
                await send(random, cancellationToken);
                Latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                lock (late)
                {
                    if (!late.TryDequeue(out start))
                    {
                        busy = false;
                        return;
                    }
                }
            }
        }
    }
}
