using TraceLedger.Packs;
using TraceLedger.Tests.Support;
using static TraceLedger.Tests.Support.PackWorld;

namespace TraceLedger.Tests.Packs;

/// <summary>A batch's packs for its labels: pages in identifier order that cover the batch exactly once.</summary>
public sealed class BatchPacksTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task BatchPacks_Pages_CoverTheBatchOnceInIdentifierOrder()
    {
        await using var world = await PackWorld.CreateAsync();
        var result = await world.CommissionAsync(23);
        await world.Packs.Commissioning.CommissionAsync(new CommissionRequest(Manufacturer, Gtin, "OTHER", "281231", Product, 4), None);

        var pages = new List<BatchPacks>();
        for (var offset = 0; offset < 30; offset += 10)
        {
            pages.Add((await world.Packs.Packs.BatchPacksAsync(Gtin, result.Lot, offset, 10, None))!);
        }

        Assert.Equal([10, 10, 3], pages.Select(p => p.Identifiers.Count));
        Assert.All(pages, p => Assert.Equal((23, Manufacturer, result.Gtin, result.Lot), (p.Total, p.OwnerGln, p.Gtin, p.Lot)));
        Assert.Equal(result.Packs.Select(p => p.Identifier).Order(StringComparer.Ordinal), pages.SelectMany(p => p.Identifiers));
    }

    [Fact]
    public async Task BatchPacks_UnknownBatch_IsNull_AndBadGtinIsRefused()
    {
        await using var world = await PackWorld.CreateAsync();
        await world.CommissionAsync(2);

        Assert.Null(await world.Packs.Packs.BatchPacksAsync(Gtin, "NOPE", 0, 10, None));
        var refusal = await Assert.ThrowsAsync<PackRequestException>(() => world.Packs.Packs.BatchPacksAsync("12345", "L1", 0, 10, None));
        Assert.Contains("not a valid GTIN", refusal.Message, StringComparison.Ordinal);
    }
}
