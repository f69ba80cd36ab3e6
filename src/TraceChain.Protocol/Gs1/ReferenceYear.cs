namespace TraceChain.Protocol.Gs1;

/// <summary>
/// The year the GS1 century rule resolves against, read from the clock only when a date is actually validated
/// (most scans carry one, but reading the clock is a noticeable share of a sub-microsecond parse).
/// </summary>
internal struct ReferenceYear(TimeProvider clock)
{
    private int year;

    public readonly TimeProvider Clock => clock;

    public readonly int IfKnown => year;

    public int Get()
    {
        if (year == 0)
        {
            year = clock.GetUtcNow().Year;
        }

        return year;
    }

    public int For(ApplicationIdentifier definition) => definition.UsesDates ? Get() : 0;
}
