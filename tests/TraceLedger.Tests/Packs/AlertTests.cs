using TraceLedger.Packs;
using TraceLedger.Tests.Support;
using static TraceLedger.Tests.Support.PackWorld;

namespace TraceLedger.Tests.Packs;

public sealed class AlertTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Alerts_AreFiltered_AndClosedWithARootCause()
    {
        await using var world = await PackWorld.CreateAsync();
        var ids = (await world.CommissionAsync(2)).Packs.Select(p => p.Identifier).ToArray();
        Refused(await world.ReceiveAsync(Distributor, ids[0]));
        Refused(await world.ReceiveAsync(PharmacyB, ids[1]));
        var alerts = world.Packs.Alerts;

        var all = await alerts.ListAsync(new AlertQuery(), None);
        Assert.Equal(2, all.Count);
        Assert.True(all[0].Id > all[1].Id);
        Assert.Equal(ids[1], Assert.Single(await alerts.ListAsync(new AlertQuery(Identifier: ids[1]), None)).Identifier);
        Assert.Equal(Distributor, Assert.Single(await alerts.ListAsync(new AlertQuery(ActorGln: Distributor), None)).ActorGln);

        var first = all[1];
        await alerts.CloseAsync(first.Id, RootCause.Procedural, "scanned at the wrong step", None);

        var closed = Assert.Single(await alerts.ListAsync(new AlertQuery(Open: false), None));
        Assert.Equal((first.Id, RootCause.Procedural, "scanned at the wrong step"), (closed.Id, closed.RootCause, closed.ClosingNote));
        Assert.Single(await alerts.ListAsync(new AlertQuery(Open: true), None));
        await Assert.ThrowsAsync<PackRequestException>(() => alerts.CloseAsync(first.Id, RootCause.Technical, null, None));
        await Assert.ThrowsAsync<PackRequestException>(() => alerts.CloseAsync(999, RootCause.Technical, null, None));
    }

    [Fact]
    public async Task ConsumerChecks_LongAfterDispense_OrTooMany_RaiseAlerts()
    {
        await using var world = await PackWorld.CreateAsync(new PackPolicy { ConsumerCheckLimit = 3 });
        var id = (await world.CommissionAsync(1)).Packs[0].Identifier;
        await world.DeliverAsync(PharmacyA, id);
        Accepted(await world.DispenseAsync(PharmacyA, id));

        for (var i = 0; i < 4; i++)
        {
            await world.Packs.Verdicts.VerifyForConsumerAsync(new VerdictRequest(id), None);
        }

        Assert.Single(await world.AlertsAsync(AlertCode.FrequentConsumerChecks));
        Assert.Empty(await world.AlertsAsync(AlertCode.LateConsumerCheck));
        world.Clock.Advance(TimeSpan.FromDays(45));
        await world.Packs.Verdicts.VerifyForConsumerAsync(new VerdictRequest(id), None);
        await world.Packs.Verdicts.VerifyForConsumerAsync(new VerdictRequest(id), None);

        var late = Assert.Single(await world.AlertsAsync(AlertCode.LateConsumerCheck));
        Assert.Null(late.ActorGln);
        Assert.Single(await world.AlertsAsync(AlertCode.FrequentConsumerChecks));
    }
}
