namespace TraceChain.Protocol.Tests.Gs1;

/// <summary>A clock stopped at one instant, so the GS1 century rule is deterministic in tests.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Year2026 = new(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
