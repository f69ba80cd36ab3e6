using TraceChain.Protocol.Notifications;
using TraceLedger.Packs;
using TraceLedger.Tests.Support;
using static TraceLedger.Tests.Support.PackWorld;

namespace TraceLedger.Tests.Packs;

/// <summary>What the notification publisher reads: recalls after a log cursor, alerts after an alert number.</summary>
public sealed class NotificationFeedTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RecallsAfter_ListsEachRecalledBatchOnce_AProductRecallCoversOnlyEarlierBatches_AndTheCursorMovesToTheLogEnd()
    {
        await using var world = await PackWorld.CreateAsync();
        var feed = new NotificationFeed(world.Packs);
        Assert.Empty((await feed.RecallsAfterAsync(-1, 10, None)).Notices);

        await world.CommissionAsync(2, lot: "L1");
        await world.CommissionAsync(2, lot: "L2");
        var lot = await world.Packs.Commissioning.RecallAsync(new RecallRequest(Manufacturer, Gtin, "L1", "contamination"), None);
        var product = await world.Packs.Commissioning.RecallAsync(new RecallRequest(Regulator, Gtin, null, "licence suspended", Withdrawal: true), None);
        await world.CommissionAsync(2, lot: "L3");

        var page = await feed.RecallsAfterAsync(-1, 10, None);
        Assert.Equal(
            [("L1", false, lot.Seq), ("L1", true, product.Seq), ("L2", true, product.Seq)],
            page.Notices.Select(n => (n.Batch, n.Withdrawal, n.Seq)));
        Assert.All(page.Notices, n => Assert.Equal(Gtin, n.Gtin));
        Assert.Equal(world.Packs.Ledger.Checkpoint.TreeSize - 1, page.ThroughSeq);

        // A page limit stops before the next recall entry, so the cursor never skips one.
        var first = await feed.RecallsAfterAsync(-1, 1, None);
        Assert.Equal([lot.Seq], first.Notices.Select(n => n.Seq));
        Assert.Equal(product.Seq - 1, first.ThroughSeq);
        var rest = await feed.RecallsAfterAsync(first.ThroughSeq, 1, None);
        Assert.Equal([product.Seq, product.Seq], rest.Notices.Select(n => n.Seq));

        Assert.Empty((await feed.RecallsAfterAsync(page.ThroughSeq, 10, None)).Notices);
    }

    [Fact]
    public async Task RecallsAfter_GivesTheLeafHashesOfTheEntryUnderTheCursorAndOfTheLastEntryRead()
    {
        await using var world = await PackWorld.CreateAsync();
        var feed = new NotificationFeed(world.Packs);
        await world.CommissionAsync(2, lot: "L1");
        var recall = await world.Packs.Commissioning.RecallAsync(new RecallRequest(Manufacturer, Gtin, "L1", "contamination"), None);
        await world.CommissionAsync(2, lot: "L2");

        var fromStart = await feed.RecallsAfterAsync(-1, 10, None);
        Assert.Null(fromStart.AfterLeafHash);
        Assert.Equal(await LeafHashAsync(world, fromStart.ThroughSeq), fromStart.ThroughLeafHash);

        var afterRecall = await feed.RecallsAfterAsync(recall.Seq, 10, None);
        Assert.Equal(await LeafHashAsync(world, recall.Seq), afterRecall.AfterLeafHash);
        Assert.Equal(fromStart.ThroughLeafHash, afterRecall.ThroughLeafHash);

        // A cursor past the log's end (a ledger restored from an older backup): no entry stands under it.
        var beyond = await feed.RecallsAfterAsync(fromStart.ThroughSeq + 5, 10, None);
        Assert.Null(beyond.AfterLeafHash);
    }

    private static async Task<byte[]> LeafHashAsync(PackWorld world, long seq) => (await world.Packs.Ledger.GetEntryAsync(seq, None))!.LeafHash;

    [Fact]
    public async Task AlertsAfter_AddressesEachPartyConcernedOnce_IncludingTheManufacturerOfThePack()
    {
        await using var world = await PackWorld.CreateAsync();
        var feed = new NotificationFeed(world.Packs);
        var id = (await world.CommissionAsync(1)).Packs[0].Identifier;
        var start = await feed.LastAlertIdAsync(None);

        await world.ShipAsync(Manufacturer, PharmacyA, id);
        await world.ReceiveAsync(PharmacyB, id); // diversion: raised by B at B, about the manufacturer's pack
        var page = await feed.AlertsAfterAsync(start, 100, None);

        var alert = Assert.Single(await world.AlertsAsync(AlertCode.Diversion));
        Assert.Equal(alert.Id, page.ThroughId);
        Assert.Equal([PharmacyB, Manufacturer], page.Notices.Select(n => n.Party));
        Assert.All(page.Notices, n => Assert.Equal(new AlertNotice(alert.Id, "diversion", id, alert.At, n.Party), n));
        Assert.Empty((await feed.AlertsAfterAsync(page.ThroughId, 100, None)).Notices);
        Assert.Equal(alert.Id, await feed.LastAlertIdAsync(None));
    }
}
