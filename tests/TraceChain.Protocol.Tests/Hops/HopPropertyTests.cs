using FsCheck;
using FsCheck.Xunit;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Json;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Hops;

public sealed class HopPropertyTests
{
    [Property(MaxTest = 300)]
    public void Canonicalize_AnyRawScanAndCounter_IsJcsAndRoundTrips(NonEmptyString rawScan, NonNegativeInt counter, PositiveInt millis)
    {
        var hop = SampleHops.Shipping(counter.Get) with
        {
            RawScan = rawScan.Get,
            EventTime = DateTimeOffset.UnixEpoch.AddMilliseconds(millis.Get * 7919L),
        };
        if (HopRules.Problems(hop).Count > 0)
        {
            return; // e.g. a generated lone surrogate; HopRulesTests covers rejection.
        }

        var bytes = HopCanonicalizer.Canonicalize(hop);
        Assert.Equal(bytes, CanonicalJson.Canonicalize(bytes));
        Assert.Equal(hop, HopJson.Parse(bytes));
    }
}
