using Microsoft.Data.Sqlite;
using TraceLedger.Packs;
using TraceLedger.Tests.Support;
using static TraceLedger.Tests.Support.PackWorld;

namespace TraceLedger.Tests.Packs;

/// <summary>A batch's packs for its labels: keyset pages in identifier order that cover the batch exactly once.</summary>
public sealed class BatchPacksTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task BatchPacks_KeysetPages_CoverTheBatchOnceInIdentifierOrder()
    {
        await using var world = await PackWorld.CreateAsync();
        var result = await world.CommissionAsync(23);
        await world.Packs.Commissioning.CommissionAsync(new CommissionRequest(Manufacturer, Gtin, "OTHER", "281231", Product, 4), None);

        var pages = new List<BatchPacks>();
        string? after = null;
        do
        {
            var page = (await world.Packs.Packs.BatchPacksAsync(Gtin, result.Lot, after, 10, withTotal: after is null, None))!;
            pages.Add(page);
            after = page.Next;
        }
        while (after is not null && pages.Count < 10);

        Assert.Equal([10, 10, 3], pages.Select(p => p.Identifiers.Count));
        Assert.Equal([23, null, null], pages.Select(p => p.Total));
        Assert.All(pages, p => Assert.Equal((Manufacturer, result.Gtin, result.Lot), (p.OwnerGln, p.Gtin, p.Lot)));
        Assert.Equal([pages[0].Identifiers[^1], pages[1].Identifiers[^1], null], pages.Select(p => p.Next));
        Assert.Equal(result.Packs.Select(p => p.Identifier).Order(StringComparer.Ordinal), pages.SelectMany(p => p.Identifiers));
    }

    [Fact]
    public async Task BatchPacks_PageEndingExactlyAtTheLastPack_HasNoNext()
    {
        await using var world = await PackWorld.CreateAsync();
        var result = await world.CommissionAsync(4);

        var page = (await world.Packs.Packs.BatchPacksAsync(Gtin, result.Lot, null, 4, withTotal: false, None))!;

        Assert.Equal(4, page.Identifiers.Count);
        Assert.Null(page.Next);
        Assert.Null(page.Total);
    }

    [Fact]
    public async Task BatchPacks_CursorOfAnotherBatch_IsRefusedNamingTheCursor()
    {
        await using var world = await PackWorld.CreateAsync();
        var result = await world.CommissionAsync(3);
        var other = await world.Packs.Commissioning.CommissionAsync(new CommissionRequest(Manufacturer, Gtin, "OTHER", "281231", Product, 2), None);

        var refusal = await Assert.ThrowsAsync<PackRequestException>(() =>
            world.Packs.Packs.BatchPacksAsync(Gtin, result.Lot, other.Packs[0].Identifier, 10, withTotal: false, None));
        Assert.Contains("cursor 'after'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("is not a pack of batch", refusal.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PackRequestException>(() => world.Packs.Packs.BatchPacksAsync(Gtin, result.Lot, "garbage", 10, withTotal: false, None));
    }

    [Fact]
    public async Task BatchPacks_UnknownBatch_IsNull_AndBadGtinIsRefused()
    {
        await using var world = await PackWorld.CreateAsync();
        await world.CommissionAsync(2);

        Assert.Null(await world.Packs.Packs.BatchPacksAsync(Gtin, "NOPE", null, 10, withTotal: true, None));
        var refusal = await Assert.ThrowsAsync<PackRequestException>(() => world.Packs.Packs.BatchPacksAsync("12345", "L1", null, 10, withTotal: false, None));
        Assert.Contains("not a valid GTIN", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PackService.BatchFirstPageSql)]
    [InlineData(PackService.BatchNextPageSql)]
    [InlineData(PackService.BatchTotalSql)]
    public async Task BatchPacks_Queries_SeekTheCoveringIndex_WithoutScanOrSort(string sql)
    {
        await using var world = await PackWorld.CreateAsync();
        await world.CommissionAsync(3);
        await using var connection = new SqliteConnection($"Data Source={world.Packs.Ledger.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$id", 1L);
        command.Parameters.AddWithValue("$after", "x");
        command.Parameters.AddWithValue("$limit", 10L);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        var only = Assert.Single(plan);
        Assert.StartsWith("SEARCH packs USING COVERING INDEX ix_packs_batch_identifier", only, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", string.Join('\n', plan), StringComparison.Ordinal);
    }
}
