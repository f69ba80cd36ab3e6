using TraceChain.Protocol.Hops;
using TraceLedger.Packs;
using TraceLedger.Tests.Support;
using static TraceLedger.Tests.Support.PackWorld;

namespace TraceLedger.Tests.Packs;

/// <summary>Manufacturer -> distributor -> pharmacy -> consumer on a real SQLite file.</summary>
public sealed class SupplyChainScenarioTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GenuinePack_TravelsInAPallet_IsDispensed_ConsumerSeesNoPartner()
    {
        await using var world = await PackWorld.CreateAsync();
        var batch = await world.CommissionAsync(4);
        var ids = batch.Packs.Select(p => p.Identifier).ToArray();
        var caseId = PackIdentifier.ForSscc(Gs1.WithCheckDigit("04006380000000001"));
        var pallet = PackIdentifier.ForSscc(Gs1.WithCheckDigit("04006380000000002"));

        Accepted(await world.SendAsync(Manufacturer, BizStep.Packing, Disposition.ContainerClosed, ids, parent: caseId));
        Accepted(await world.SendAsync(Manufacturer, BizStep.Packing, Disposition.ContainerClosed, [caseId], parent: pallet));
        Assert.Equal(PackRefusalCode.InsideContainer, Refused(await world.ShipAsync(Manufacturer, Distributor, ids[0])));
        Assert.Equal(PackRefusalCode.AggregationCycle, Refused(await world.SendAsync(Manufacturer, BizStep.Packing, Disposition.ContainerClosed, [pallet], parent: caseId)));

        // Shipping and receiving the pallet moves the case and the packs inside it.
        Accepted(await world.ShipAsync(Manufacturer, Distributor, pallet));
        Assert.Equal(PackState.InTransit, (await world.Packs.Packs.FindAsync(ids[3], None))!.State);
        Accepted(await world.ReceiveAsync(Distributor, pallet));
        var inner = (await world.Packs.Packs.FindAsync(ids[3], None))!;
        Assert.Equal((PackState.Active, Distributor, caseId), (inner.State, inner.Holder, inner.Parent));

        Accepted(await world.SendAsync(Distributor, BizStep.Unpacking, Disposition.ContainerOpen, [caseId], parent: pallet));
        Accepted(await world.ShipAsync(Distributor, PharmacyA, caseId));
        Accepted(await world.ReceiveAsync(PharmacyA, caseId));

        var atCounter = await world.Packs.Verdicts.VerifyAsync(new VerdictRequest(ids[0], "L1", "281231", PharmacyA), None);
        Assert.Equal(VerdictCode.Genuine, atCounter.Code);
        Assert.Equal(1, atCounter.VerificationCount);

        var dispensed = Accepted(await world.DispenseAsync(PharmacyA, ids[0]));
        Assert.Equal(PackState.Dispensed, dispensed.Packs.Single().State);
        Assert.Null(dispensed.Packs.Single().Parent);

        var consumer = await world.Packs.Verdicts.VerifyForConsumerAsync(new VerdictRequest(ids[0]), None);
        Assert.Equal("already_dispensed", consumer.Code);
        Assert.Equal(DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime), consumer.DispensedOn);
        Assert.Equal("Shanghai Pharma", consumer.Manufacturer);
        Assert.Equal(2, consumer.VerificationCount);
        Assert.DoesNotContain(PharmacyA, System.Text.Json.JsonSerializer.Serialize(consumer), StringComparison.Ordinal);

        var partner = world.Packs.Verdicts.Lookup(new VerdictRequest(ids[0], PartyGln: PharmacyB));
        Assert.Equal((VerdictCode.AlreadyDispensed, "A7", PharmacyA), (partner.Code, partner.EmvsCode, partner.DispensedLocation));
        Assert.Equal(atCounter.FirstVerifiedAt, partner.FirstVerifiedAt);
    }

    [Fact]
    public async Task ClonedSerial_SeenInBeijingAndGuangzhouMinutesApart_IsSuspect()
    {
        await using var world = await PackWorld.CreateAsync();
        var id = (await world.CommissionAsync(1)).Packs[0].Identifier;
        await world.DeliverAsync(PharmacyA, id);
        Assert.Equal(VerdictCode.Genuine, (await world.Packs.Verdicts.VerifyAsync(new VerdictRequest(id, PartyGln: PharmacyA), None)).Code);

        world.Clock.Advance(TimeSpan.FromMinutes(20));
        var copy = await world.Packs.Verdicts.VerifyAsync(new VerdictRequest(id, PartyGln: PharmacyB), None);

        Assert.Equal(VerdictCode.Suspect, copy.Code);
        var alert = Assert.Single(await world.AlertsAsync(AlertCode.ImpossibleTravel));
        Assert.Equal((id, PharmacyB), (alert.Identifier, alert.ActorGln));
        Assert.Contains("km", alert.Detail, StringComparison.Ordinal);
        Assert.Equal(VerdictCode.Suspect, world.Packs.Verdicts.Lookup(new VerdictRequest(id)).Code);
    }

    [Fact]
    public async Task TravelAtPlausibleSpeed_RaisesNoAlert()
    {
        await using var world = await PackWorld.CreateAsync();
        var id = (await world.CommissionAsync(1)).Packs[0].Identifier;
        Accepted(await world.ShipAsync(Manufacturer, Distributor, id));
        world.Clock.Advance(TimeSpan.FromHours(20));
        Accepted(await world.ReceiveAsync(Distributor, id));

        Assert.Empty(await world.AlertsAsync(AlertCode.ImpossibleTravel));
    }

    [Fact]
    public async Task UnknownCodes_GetTheirEmvsAnswers_AndAlerts()
    {
        await using var world = await PackWorld.CreateAsync();
        var id = (await world.CommissionAsync(1)).Packs[0].Identifier;
        var verdicts = world.Packs.Verdicts;

        var unknownSerial = await verdicts.VerifyAsync(new VerdictRequest(PackIdentifier.ForGtinSerial(Gtin, "NOSUCHSERIAL"), "L1", PartyGln: PharmacyA), None);
        var unknownBatch = await verdicts.VerifyAsync(new VerdictRequest(PackIdentifier.ForGtinSerial(Gtin, "NOSUCHSERIAL"), "L9", PartyGln: PharmacyA), None);
        var unknownProduct = verdicts.Lookup(new VerdictRequest(PackIdentifier.ForGtinSerial(Gs1.Gtin(7), "X")));
        var batchMismatch = await verdicts.VerifyAsync(new VerdictRequest(id, "L2", "281231", PharmacyA), None);
        var expiryMismatch = await verdicts.VerifyAsync(new VerdictRequest(id, "L1", "281130", PharmacyA), None);

        Assert.Equal((VerdictCode.UnknownSerial, "A3"), (unknownSerial.Code, unknownSerial.EmvsCode));
        Assert.Equal((VerdictCode.UnknownBatch, "A2"), (unknownBatch.Code, unknownBatch.EmvsCode));
        Assert.Equal(VerdictCode.UnknownProduct, unknownProduct.Code);
        Assert.Equal((VerdictCode.BatchMismatch, "A68"), (batchMismatch.Code, batchMismatch.EmvsCode));
        Assert.Equal((VerdictCode.ExpiryMismatch, "A52"), (expiryMismatch.Code, expiryMismatch.EmvsCode));
        Assert.Single(await world.AlertsAsync(AlertCode.UnknownSerial));
        Assert.Single(await world.AlertsAsync(AlertCode.UnknownBatch));
        Assert.Single(await world.AlertsAsync(AlertCode.BatchMismatch));
        Assert.Single(await world.AlertsAsync(AlertCode.ExpiryMismatch));

        // A device scanning a serial that was never commissioned is refused (A3) and alerted too.
        Assert.Equal(PackRefusalCode.UnknownPack, Refused(await world.ReceiveAsync(PharmacyA, PackIdentifier.ForGtinSerial(Gtin, "FAKE1"))));
        Assert.Equal(2, (await world.AlertsAsync(AlertCode.UnknownSerial)).Count);
    }

    [Fact]
    public async Task DivertedShipment_IsRefused_AndAlerted()
    {
        await using var world = await PackWorld.CreateAsync();
        var ids = (await world.CommissionAsync(2)).Packs.Select(p => p.Identifier).ToArray();
        Accepted(await world.ShipAsync(Manufacturer, Distributor, ids[0]));

        Assert.Equal(PackRefusalCode.NotShipmentDestination, Refused(await world.ReceiveAsync(PharmacyB, ids[0])));
        Assert.Equal(PackRefusalCode.NoMatchingShipment, Refused(await world.ReceiveAsync(Distributor, ids[1])));
        Assert.Equal(PackRefusalCode.NotHolder, Refused(await world.ShipAsync(Distributor, PharmacyA, ids[1])));

        var diversion = Assert.Single(await world.AlertsAsync(AlertCode.Diversion));
        Assert.Equal((ids[0], PharmacyB), (diversion.Identifier, diversion.ActorGln));
        Assert.Single(await world.AlertsAsync(AlertCode.ReceiptWithoutShipment));
        Assert.Equal(PackState.InTransit, (await world.Packs.Packs.FindAsync(ids[0], None))!.State);
    }

    [Fact]
    public async Task RecalledBatch_IsRecalled_CannotBeDispensed_OrUndone()
    {
        await using var world = await PackWorld.CreateAsync();
        var ids = (await world.CommissionAsync(2)).Packs.Select(p => p.Identifier).ToArray();
        await world.DeliverAsync(PharmacyA, ids);
        Accepted(await world.DispenseAsync(PharmacyA, ids[1]));

        await Assert.ThrowsAsync<PackRequestException>(() => world.Packs.Commissioning.RecallAsync(new RecallRequest(PharmacyA, Gtin, "L1", "contamination"), None));
        var recall = await world.Packs.Commissioning.RecallAsync(new RecallRequest(Manufacturer, Gtin, "L1", "contamination"), None);

        Assert.Equal(1, recall.Batches);
        Assert.Equal(VerdictCode.Recalled, world.Packs.Verdicts.Lookup(new VerdictRequest(ids[0])).Code);
        Assert.Equal(PackRefusalCode.Recalled, Refused(await world.DispenseAsync(PharmacyA, ids[0])));
        Assert.Equal(PackRefusalCode.Recalled, Refused(await world.UndoAsync(PharmacyA, ids[1])));
        var entry = await world.Packs.Ledger.GetEntryAsync(recall.Seq, None);
        Assert.Equal(TraceLedger.Storage.EntryKind.BatchRecalled, entry!.Kind);
    }

    [Fact]
    public async Task ExpiredPack_IsExpired_AndNotDispensed()
    {
        await using var world = await PackWorld.CreateAsync();
        var id = (await world.CommissionAsync(1, expiry: "261100")).Packs[0].Identifier;
        await world.DeliverAsync(PharmacyA, id);
        Assert.Equal(VerdictCode.Genuine, world.Packs.Verdicts.Lookup(new VerdictRequest(id)).Code);

        world.Clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(VerdictCode.Expired, world.Packs.Verdicts.Lookup(new VerdictRequest(id, Expiry: "261100")).Code);
        Assert.Equal(PackRefusalCode.Expired, Refused(await world.DispenseAsync(PharmacyA, id)));
    }

    [Fact]
    public async Task UndoOfDispense_AfterElevenDays_OrElsewhere_IsRefused_WithinTenDaysWorks()
    {
        await using var world = await PackWorld.CreateAsync();
        var ids = (await world.CommissionAsync(2)).Packs.Select(p => p.Identifier).ToArray();
        await world.DeliverAsync(PharmacyA, ids);
        Accepted(await world.DispenseAsync(PharmacyA, ids[0]));
        Accepted(await world.DispenseAsync(PharmacyA, ids[1]));

        Assert.Equal(PackRefusalCode.AlreadyDispensed, Refused(await world.DispenseAsync(PharmacyB, ids[0])));
        Assert.Single(await world.AlertsAsync(AlertCode.SecondDispense));
        Assert.Equal(PackRefusalCode.UndoWrongLocation, Refused(await world.UndoAsync(PharmacyB, ids[0])));

        world.Clock.Advance(TimeSpan.FromDays(9));
        var undone = Accepted(await world.UndoAsync(PharmacyA, ids[1]));
        Assert.Equal(PackState.Active, undone.Packs.Single().State);

        world.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(PackRefusalCode.UndoWindowPassed, Refused(await world.UndoAsync(PharmacyA, ids[0])));
        Assert.Equal(PackState.Dispensed, (await world.Packs.Packs.FindAsync(ids[0], None))!.State);
    }

    [Fact]
    public async Task StolenDestroyedLockedPacks_GetTheirVerdicts()
    {
        await using var world = await PackWorld.CreateAsync();
        var ids = (await world.CommissionAsync(4)).Packs.Select(p => p.Identifier).ToArray();

        Accepted(await world.SendAsync(Manufacturer, BizStep.Decommissioning, Disposition.Stolen, [ids[0]]));
        Accepted(await world.SendAsync(Manufacturer, BizStep.Destroying, Disposition.Destroyed, [ids[1]]));
        Accepted(await world.SendAsync(Manufacturer, BizStep.Holding, Disposition.NonSellableOther, [ids[2]]));
        Accepted(await world.SendAsync(Manufacturer, BizStep.Sampling, Disposition.NonSellableOther, [ids[3]]));
        var verdicts = ids.Select(id => world.Packs.Verdicts.Lookup(new VerdictRequest(id)).Code).ToArray();

        Assert.Equal([VerdictCode.Stolen, VerdictCode.Destroyed, VerdictCode.Locked, VerdictCode.Sample], verdicts);
        Accepted(await world.SendAsync(Manufacturer, BizStep.Holding, Disposition.SellableAccessible, [ids[2]]));
        Assert.Equal(VerdictCode.Genuine, world.Packs.Verdicts.Lookup(new VerdictRequest(ids[2])).Code);
        Assert.Equal(PackRefusalCode.UnsupportedOperation, Refused(await world.SendAsync(Manufacturer, BizStep.Commissioning, Disposition.Active, [ids[2]])));
    }
}
