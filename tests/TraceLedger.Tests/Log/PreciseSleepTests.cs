using System.Diagnostics;
using TraceLedger.Log;

namespace TraceLedger.Tests.Log;

/// <summary>
/// The writer's group window and the benchmark's pacer sleep with <see cref="PreciseSleep"/>: never less than asked
/// (how much more depends on the machine, so only the lower bound is checked).
/// </summary>
public sealed class PreciseSleepTests
{
    [Fact]
    public void Until_ReturnsNotBeforeTheTimestamp_AlsoForSubMillisecondWaits()
    {
        foreach (var microseconds in new[] { 50, 300, 900, 2_500 })
        {
            var due = Stopwatch.GetTimestamp() + (microseconds * Stopwatch.Frequency / 1_000_000);
            PreciseSleep.Until(due);
            Assert.True(Stopwatch.GetTimestamp() >= due, $"woke before a {microseconds} us wait was over");
        }
    }

    [Fact]
    public void Until_APastTimestamp_ReturnsAtOnce()
    {
        var watch = Stopwatch.StartNew();
        PreciseSleep.Until(Stopwatch.GetTimestamp() - Stopwatch.Frequency);
        PreciseSleep.Until(long.MinValue / 2);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed.TotalMilliseconds:0} ms");
    }
}
