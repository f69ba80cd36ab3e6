namespace TraceChain.Mqtt.Client;

/// <summary>Exponential backoff with "equal jitter": attempt n waits a random time in [d/2, d], d = min(max, min x 2^n).</summary>
internal sealed class ReconnectBackoff(TimeSpan minDelay, TimeSpan maxDelay, Random random)
{
    public TimeSpan Next(int attempt)
    {
        var exponent = Math.Clamp(attempt, 0, 30);
        var cap = Math.Min(maxDelay.Ticks, minDelay.Ticks * (double)(1L << exponent));
        var half = cap / 2;
        return TimeSpan.FromTicks((long)(half + (random.NextDouble() * half)));
    }
}
