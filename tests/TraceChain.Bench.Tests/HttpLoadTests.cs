namespace TraceChain.Bench.Tests;

/// <summary>
/// The paced load sends exactly the scheduled requests however slow the machine is, and charges a slow answer to the
/// requests that were due behind it (no coordinated omission). Bounds only from below: a slow machine only adds.
/// </summary>
public sealed class HttpLoadTests
{
    [Fact]
    public async Task Paced_SendsEveryScheduledRequest()
    {
        var sent = 0;
        var result = await HttpLoad.PacedAsync(4, 200, TimeSpan.FromSeconds(0.5), (_, _) => { Interlocked.Increment(ref sent); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(100, sent); // 200/s for 0.5 s, spread over 4 clients
        Assert.Equal(100, result.Latencies.Count);
    }

    [Fact]
    public async Task Paced_ASlowAnswer_DelaysTheRequestsDueBehindIt_InTheFigures()
    {
        // One client, a request due every 10 ms; the first answer takes 100 ms.
        var calls = 0;
        var result = await HttpLoad.PacedAsync(1, 100, TimeSpan.FromSeconds(0.2), async (_, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(100, ct);
            }
        }, CancellationToken.None);

        Assert.Equal(20, result.Latencies.Count);
        Assert.True(result.Latencies[0] >= 99, $"first {result.Latencies[0]:0.0} ms");
        // The second was due at 10 ms but could only go at 100 ms: at least 90 ms late, counted from when it was due.
        Assert.True(result.Latencies[1] >= 89, $"second {result.Latencies[1]:0.0} ms");
        Assert.True(result.Latencies[5] >= 49, $"sixth {result.Latencies[5]:0.0} ms");
    }

    [Fact]
    public async Task Paced_StartsRequestsOfIdleClientsOnThePacerThread_NotFromTheRuntimesTimers()
    {
        // The runtime's timers (Task.Delay) fire in batches a millisecond or more apart, which sent most requests within
        // microseconds of the one before; the pacer thread sleeps until each due time (PreciseSleep) and sends itself.
        var threads = new List<string?>();
        await HttpLoad.PacedAsync(4, 400, TimeSpan.FromSeconds(0.25), (_, _) =>
        {
            lock (threads)
            {
                threads.Add(Thread.CurrentThread.Name);
            }

            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(100, threads.Count);
        Assert.All(threads, name => Assert.Equal("HTTP load pacer", name));
    }

    [Fact]
    public async Task Paced_AFailedRequest_FailsTheRun()
    {
        var calls = 0;
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => HttpLoad.PacedAsync(2, 200, TimeSpan.FromSeconds(0.1), async (_, _) =>
        {
            await Task.Yield();
            if (Interlocked.Increment(ref calls) == 3)
            {
                throw new HttpRequestException("answered 500, expected 200");
            }
        }, CancellationToken.None));

        Assert.Equal("answered 500, expected 200", error.Message);
    }
}
