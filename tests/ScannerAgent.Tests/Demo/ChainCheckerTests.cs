using ScannerAgent.Demo;
using ScannerAgent.Tests.Support;
using TraceChain.Protocol.Hops;

namespace ScannerAgent.Tests.Demo;

public sealed class ChainCheckerTests
{
    private static readonly string Pack = TestCodes.PackId("C1");
    private static long counter;

    private static Hop Hop(BizStep step, string location, string? destination = null, int minute = 0) => new(
        "dev", Interlocked.Increment(ref counter), new DateTimeOffset(2026, 11, 22, 8, minute, 0, TimeSpan.Zero), "+00:00", step, Disposition.Active, location, [Pack], Destination: destination);

    [Fact]
    public void NeverCommissioned_IsACounterfeit()
    {
        var alert = Assert.Single(ChainChecker.Check(Hop(BizStep.Dispensing, TestCodes.Gln(3)), []));
        Assert.Equal("counterfeit", alert.Kind);
    }

    [Fact]
    public void GenuineJourney_RaisesNothing()
    {
        var history = new List<Hop>
        {
            Hop(BizStep.Commissioning, TestCodes.Gln(1), minute: 0),
            Hop(BizStep.Shipping, TestCodes.Gln(1), TestCodes.Gln(3), minute: 1),
        };
        Assert.Empty(ChainChecker.Check(Hop(BizStep.Receiving, TestCodes.Gln(3), minute: 2), history));
        history.Add(Hop(BizStep.Receiving, TestCodes.Gln(3), minute: 2));
        Assert.Empty(ChainChecker.Check(Hop(BizStep.Dispensing, TestCodes.Gln(3), minute: 3), history));
    }

    [Fact]
    public void SecondDispensing_IsAClone()
    {
        var history = new[] { Hop(BizStep.Commissioning, TestCodes.Gln(1)), Hop(BizStep.Dispensing, TestCodes.Gln(3), minute: 5) };
        var alert = Assert.Single(ChainChecker.Check(Hop(BizStep.Dispensing, TestCodes.Gln(4), minute: 6), history));
        Assert.Equal("cloned", alert.Kind);
        Assert.Contains(TestCodes.Gln(3), alert.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceivedElsewhereThanTheLastShipment_IsADiversion()
    {
        var history = new[]
        {
            Hop(BizStep.Commissioning, TestCodes.Gln(1)),
            Hop(BizStep.Shipping, TestCodes.Gln(1), TestCodes.Gln(2), minute: 1),
            Hop(BizStep.Shipping, TestCodes.Gln(2), TestCodes.Gln(3), minute: 2),
        };
        var alert = Assert.Single(ChainChecker.Check(Hop(BizStep.Receiving, TestCodes.Gln(4), minute: 3), history));
        Assert.Equal("diverted", alert.Kind);
    }
}
