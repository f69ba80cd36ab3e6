using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TraceLedger.Log;

/// <summary>
/// Sleeps until a <see cref="Stopwatch"/> timestamp with the kernel's high-resolution timer (Linux: clock_nanosleep,
/// within tens of microseconds). Thread.Sleep and the runtime's timers count whole milliseconds, and on Linux the
/// timers fire in batches a millisecond or more apart, too coarse for waits of a fraction of a millisecond.
/// </summary>
public static partial class PreciseSleep
{
    private const int MonotonicClock = 1; // CLOCK_MONOTONIC, the clock behind Stopwatch on Linux
    private const int Interrupted = 4; // EINTR: clock_nanosleep returns the error number

    /// <summary>Returns at once when <paramref name="timestamp"/> has passed.</summary>
    public static void Until(long timestamp)
    {
        var left = timestamp - Stopwatch.GetTimestamp();
        if (left <= 0)
        {
            return;
        }

        var nanoseconds = (long)(left * (1e9 / Stopwatch.Frequency));
        if (!OperatingSystem.IsLinux())
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Ceiling(nanoseconds / 1e6))); // whole milliseconds, never early
            return;
        }

        var request = new TimeSpec(nanoseconds / 1_000_000_000, nanoseconds % 1_000_000_000);
        while (ClockNanosleep(MonotonicClock, 0, ref request, out var remaining) == Interrupted)
        {
            request = remaining;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct TimeSpec(long Seconds, long Nanoseconds);

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, ref TimeSpec request, out TimeSpec remaining);
}
