using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Tests.Gs1;

public sealed class Gs1DateTests
{
    [Theory]
    [InlineData(26, 2026, 2026)]
    [InlineData(76, 2026, 2076)]
    [InlineData(77, 2026, 1977)]
    [InlineData(99, 2026, 1999)]
    [InlineData(0, 2026, 2000)]
    [InlineData(0, 2049, 2000)]
    [InlineData(0, 2050, 2100)]
    [InlineData(1, 2099, 2101)]
    public void ResolveYear_FollowsGs1CenturyRule(int yy, int reference, int expected) =>
        Assert.Equal(expected, Gs1Date.ResolveYear(yy, reference));

    [Theory]
    [InlineData("250200", 2025, 2, 28)]
    [InlineData("240200", 2024, 2, 29)]
    [InlineData("251200", 2025, 12, 31)]
    [InlineData("250400", 2025, 4, 30)]
    public void TryParse_DayZero_IsLastDayOfMonth(string text, int year, int month, int day)
    {
        Assert.True(Gs1Date.TryParse(text, 2026, allowDayZero: true, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("250200", false)]
    [InlineData("251301", true)]
    [InlineData("25123", true)]
    [InlineData("25A231", true)]
    [InlineData("250431", true)]
    public void TryParse_InvalidDates_AreRejected(string text, bool allowDayZero) =>
        Assert.False(Gs1Date.TryParse(text, 2026, allowDayZero, out _));
}
