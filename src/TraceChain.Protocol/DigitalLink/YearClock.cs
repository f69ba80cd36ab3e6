namespace TraceChain.Protocol.DigitalLink;

/// <summary>A clock fixed in one year: carries a parse result's reference year into options that want a clock.</summary>
internal sealed class YearClock(int year) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(year, 7, 1, 0, 0, 0, TimeSpan.Zero);
}
