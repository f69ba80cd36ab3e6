using ScannerAgent.Configuration;
using ScannerAgent.Hops;
using ScannerAgent.Tests.Support;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Hops;

namespace ScannerAgent.Tests.Hops;

public sealed class HopBuilderTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 22, 10, 30, 15, 123, TimeSpan.Zero).AddTicks(4567);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.CreateCustomTimeZone("test+8", TimeSpan.FromHours(8), "test", "test");

    private static Hop Build(ScannerSettings settings)
    {
        settings.Port = "/dev/null";
        var reading = ScanInterpreter.Read(TestCodes.Pack("X1"), Gs1ParseOptions.Default);
        return HopBuilder.Build("dev-1", TestCodes.Gln(1), ScannerSetup.From(settings), reading, 7, Now, Shanghai);
    }

    [Theory]
    [InlineData("commission", BizStep.Commissioning, Disposition.Active)]
    [InlineData("receive", BizStep.Receiving, Disposition.SellableNotAccessible)]
    [InlineData("dispense", BizStep.Dispensing, Disposition.Dispensed)]
    [InlineData("verify", BizStep.Inspecting, Disposition.SellableAccessible)]
    public void Workflow_MapsToCbvStepAndDisposition(string workflow, BizStep step, Disposition disposition)
    {
        var hop = Build(new ScannerSettings { Workflow = workflow });
        Assert.Equal(step, hop.BizStep);
        Assert.Equal(disposition, hop.Disposition);
        Assert.Empty(HopRules.Problems(hop));
    }

    [Fact]
    public void Ship_CarriesTheDestination_AndPack_TheParent()
    {
        var ship = Build(new ScannerSettings { Workflow = "ship", Destination = TestCodes.Gln(2) });
        Assert.Equal((BizStep.Shipping, Disposition.InTransit, TestCodes.Gln(2)), (ship.BizStep, ship.Disposition, ship.Destination));
        var pack = Build(new ScannerSettings { Workflow = "pack", Parent = TestCodes.Sscc(3) });
        Assert.Equal("sscc:" + TestCodes.Sscc(3), pack.Parent);
        Assert.Empty(HopRules.Problems(pack));
    }

    [Fact]
    public void Hop_IsUtcMilliseconds_WithLocalOffset_CounterAndRawScan()
    {
        var hop = Build(new ScannerSettings());
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 30, 15, 123, TimeSpan.Zero), hop.EventTime);
        Assert.Equal("+08:00", hop.TimeZoneOffset);
        Assert.Equal(7, hop.Counter);
        Assert.Equal(TestCodes.Pack("X1"), hop.RawScan);
        Assert.Equal([TestCodes.PackId("X1")], hop.Identifiers);
    }

    [Fact]
    public void InvalidReading_MakesNoHop()
    {
        var reading = ScanInterpreter.Read("garbage", Gs1ParseOptions.Default);
        var setup = ScannerSetup.From(new ScannerSettings { Port = "/dev/null" });
        Assert.Throws<ArgumentException>(() => HopBuilder.Build("dev-1", TestCodes.Gln(1), setup, reading, 1, Now, Shanghai));
    }
}
