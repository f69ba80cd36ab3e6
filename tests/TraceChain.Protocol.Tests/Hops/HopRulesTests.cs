using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Hops;

public sealed class HopRulesTests
{
    [Fact]
    public void Problems_SampleHops_AreValid()
    {
        Assert.Empty(HopRules.Problems(SampleHops.Shipping()));
        Assert.Empty(HopRules.Problems(SampleHops.Packing()));
    }

    [Fact]
    public void Problems_PackingWithoutParent_RequiresParent()
    {
        Assert.Contains("parent is required for packing", HopRules.Problems(SampleHops.Packing() with { Parent = null }));
    }

    [Fact]
    public void Problems_ParentNotSscc_IsReported()
    {
        var problems = HopRules.Problems(SampleHops.Packing() with { Parent = "gtin:09506000134352:ser:S9" });
        Assert.Contains(problems, p => p.StartsWith("parent 'gtin:", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_EventTimeNotUtcOrFinerThanMilliseconds_AreReported()
    {
        var local = SampleHops.Shipping() with { EventTime = new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8)) };
        Assert.Contains(HopRules.Problems(local), p => p.StartsWith("eventTime must be UTC", StringComparison.Ordinal));
        var fine = SampleHops.Shipping() with { EventTime = SampleHops.Shipping().EventTime.AddTicks(1) };
        Assert.Contains("eventTime must have millisecond precision", HopRules.Problems(fine));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("scanner\n")]
    public void Problems_BadDeviceId_IsReported(string deviceId)
    {
        Assert.Contains(HopRules.Problems(SampleHops.Shipping() with { DeviceId = deviceId }), p => p.StartsWith("deviceId", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("+14:00", true)]
    [InlineData("-12:30", true)]
    [InlineData("+14:30", false)]
    [InlineData("Z", false)]
    [InlineData("+08:00\n", false)]
    public void Problems_TimeZoneOffset_FollowsEpcisForm(string offset, bool valid)
    {
        Assert.Equal(valid, HopRules.Problems(SampleHops.Shipping() with { TimeZoneOffset = offset }).Count == 0);
    }

    [Fact]
    public void Problems_CounterBeyondJsonSafeRange_IsReported()
    {
        Assert.Empty(HopRules.Problems(SampleHops.Shipping(HopRules.MaxCounter)));
        Assert.NotEmpty(HopRules.Problems(SampleHops.Shipping(HopRules.MaxCounter + 1)));
    }

    [Fact]
    public void Problems_UndefinedEnumValues_AreReported()
    {
        var problems = HopRules.Problems(SampleHops.Shipping() with { BizStep = (BizStep)99, Disposition = (Disposition)99 });
        Assert.Contains("bizStep 99 is not a CBV business step", problems);
        Assert.Contains("disposition 99 is not a CBV disposition", problems);
    }

    [Fact]
    public void Problems_LoneSurrogateInRawScan_IsReported()
    {
        Assert.NotEmpty(HopRules.Problems(SampleHops.Shipping() with { RawScan = "ab\ud800" }));
    }
}
