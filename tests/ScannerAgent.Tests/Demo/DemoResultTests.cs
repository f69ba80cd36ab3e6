using ScannerAgent.Demo;
using TraceLedger.Packs;

namespace ScannerAgent.Tests.Demo;

public sealed class DemoResultTests
{
    private static readonly Alert[] Planned =
        [.. DemoScenario.PlantedAlerts.Select((p, i) => Alert(i + 1, p.Code, p.Identifier))];

    private static Alert Alert(long id, AlertCode code, string identifier) =>
        new(id, code, identifier, null, null, DateTimeOffset.UnixEpoch, "detail", null, null, null);

    private static DemoResult Result(long accepted, long refused, long pending, IReadOnlyList<Alert> alerts) =>
        new(10, accepted, refused, pending, alerts, "g", "f");

    [Fact]
    public void AsPlanned_EveryScanReceipted_AndExactlyThePlantedAlerts_InAnyOrder()
    {
        Assert.True(Result(7, 3, 0, [.. Planned.Reverse()]).AsPlanned);
    }

    [Fact]
    public void AsPlanned_IsFalse_WhenAScanIsPending_OrAReceiptIsMissing()
    {
        Assert.False(Result(6, 3, 1, Planned).AsPlanned);
        Assert.False(Result(6, 3, 0, Planned).AsPlanned);
    }

    [Fact]
    public void AsPlanned_IsFalse_WhenAGenuineHopIsRefused_OrAnAlertIsMissingOrExtra()
    {
        Assert.False(Result(6, 4, 0, Planned).AsPlanned);
        Assert.False(Result(7, 3, 0, Planned[..2]).AsPlanned);
        Assert.False(Result(7, 3, 0, [.. Planned, Alert(4, AlertCode.ImpossibleTravel, DemoScenario.PackId("G0003"))]).AsPlanned);
        Assert.False(Result(7, 3, 0, [Planned[0], Planned[1], Alert(3, AlertCode.Diversion, DemoScenario.PackId("G0005"))]).AsPlanned);
    }
}
