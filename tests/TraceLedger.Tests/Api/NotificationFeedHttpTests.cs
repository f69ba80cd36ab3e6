using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using TraceChain.Protocol.Hops;
using TraceLedger.Api;
using TraceLedger.Packs;
using TraceLedger.Tests.Support;
using static TraceLedger.Tests.Support.PackWorld;

namespace TraceLedger.Tests.Api;

/// <summary>The read-only notification feed (<c>/v1/feed/…</c>) on the real HTTP service, against <see cref="NotificationFeed"/> itself.</summary>
public sealed class NotificationFeedHttpTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private PackWorld? world;
    private WebApplication? app;
    private HttpClient? client;

    private PackWorld World => world!;

    private HttpClient Client => client!;

    public async Task InitializeAsync()
    {
        world = await PackWorld.CreateAsync();
        app = LedgerHttpApp.Build(world.Packs, "http://127.0.0.1:0");
        await app.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await world.Packs.Ledger.ApiKeys.CreateAsync("feed", CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await World.DisposeAsync();
    }

    [Theory]
    [InlineData("/v1/feed/recalls?after=-1")]
    [InlineData("/v1/feed/alerts?after=0")]
    [InlineData("/v1/feed/alerts/last")]
    public async Task Feed_WithoutALiveApiKey_IsUnauthorized(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = Client.BaseAddress };
        using var none = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "tl_not-a-key");
        using var wrong = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (none.StatusCode, wrong.StatusCode));
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RecallFeed_PagesByRecallEntries_AndCarriesExactlyTheNoticesOfTheFeed()
    {
        foreach (var lot in new[] { "H1", "H2", "H3" })
        {
            await World.CommissionAsync(1, lot);
        }

        var seqs = new List<long>();
        foreach (var lot in new[] { "H1", "H2", "H3" })
        {
            seqs.Add((await World.Packs.Commissioning.RecallAsync(new RecallRequest(Manufacturer, Gtin, lot, "sterility " + lot), CancellationToken.None)).Seq);
        }

        var first = await RecallsAsync("/v1/feed/recalls?after=-1&limit=2");
        Assert.Equal(["H1", "H2"], first.Notices.Select(n => n.Batch));
        Assert.Equal(seqs[2] - 1, first.ThroughSeq);
        Assert.Equal((await new NotificationFeed(World.Packs).RecallsAfterAsync(-1, 2, CancellationToken.None)).Notices, first.Notices);

        var second = await RecallsAsync($"/v1/feed/recalls?after={first.ThroughSeq}&limit=2");
        var notice = Assert.Single(second.Notices);
        Assert.Equal((Gtin, "H3", false, "sterility H3", seqs[2]), (notice.Gtin, notice.Batch, notice.Withdrawal, notice.Reason, notice.Seq));
        Assert.Equal(seqs[2], second.ThroughSeq);
        Assert.NotNull(first.ThroughLeafHash);
        Assert.Equal(first.ThroughLeafHash, second.AfterLeafHash);

        var end = await RecallsAsync($"/v1/feed/recalls?after={second.ThroughSeq}");
        Assert.Empty(end.Notices);
        Assert.Equal(seqs[2], end.ThroughSeq);

        // The wire form is the record's own members, nothing derived (status, entry path) beside them.
        using var raw = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/v1/feed/recalls?after=-1&limit=1", UriKind.Relative)));
        Assert.Equal(["notices", "throughSeq", "afterLeafHash", "throughLeafHash"], raw.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["gtin", "batch", "withdrawal", "reason", "recalledAt", "seq"], raw.RootElement.GetProperty("notices")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task AlertFeed_PagesByAlertNumber_AndLastNamesTheNewest()
    {
        Assert.Equal(0, (await Client.GetFromJsonAsync<LastAlertResponse>("/v1/feed/alerts/last"))!.LastId);
        await World.CommissionAsync(1, "H1");
        foreach (var serial in new[] { "NOPE1", "NOPE2", "NOPE3" })
        {
            await World.Packs.Verdicts.VerifyAsync(new VerdictRequest(PackIdentifier.ForGtinSerial(Gtin, serial), "H1", PartyGln: PharmacyA), CancellationToken.None);
        }

        var last = (await Client.GetFromJsonAsync<LastAlertResponse>("/v1/feed/alerts/last"))!.LastId;
        var page = await AlertsAsync("/v1/feed/alerts?after=0&limit=2");
        Assert.Equal((await new NotificationFeed(World.Packs).AlertsAfterAsync(0, 2, CancellationToken.None)).Notices, page.Notices);
        Assert.Equal(2, page.Notices.Select(n => n.Id).Distinct().Count());
        Assert.All(page.Notices, n => Assert.Equal(("unknown_serial", PharmacyA), (n.Code, n.Party)));

        var rest = await AlertsAsync($"/v1/feed/alerts?after={page.ThroughId}&limit=1000");
        Assert.Equal(PackIdentifier.ForGtinSerial(Gtin, "NOPE3"), Assert.Single(rest.Notices).Identifier);
        Assert.Equal(last, rest.ThroughId);
        var none = await AlertsAsync($"/v1/feed/alerts?after={last}");
        Assert.Equal((0, last), (none.Notices.Count, none.ThroughId));
    }

    [Theory]
    [InlineData("/v1/feed/recalls", "after is required")]
    [InlineData("/v1/feed/recalls?after=abc", "after 'abc' must be an integer of at least -1")]
    [InlineData("/v1/feed/recalls?after=-2", "after '-2' must be an integer of at least -1")]
    [InlineData("/v1/feed/recalls?after=99999999999999999999", "after '99999999999999999999' must be an integer")]
    [InlineData("/v1/feed/recalls?after=0&limit=0", "limit '0' must be an integer from 1 to 1000")]
    [InlineData("/v1/feed/recalls?after=0&limit=1001", "limit '1001' must be an integer from 1 to 1000")]
    [InlineData("/v1/feed/alerts?after=-1", "after '-1' must be an integer of at least 0")]
    [InlineData("/v1/feed/alerts?after=5&limit=-3", "limit '-3' must be an integer from 1 to 1000")]
    [InlineData("/v1/feed/alerts?after=5&limit=ten", "limit 'ten' must be an integer from 1 to 1000")]
    public async Task Feed_BadParameters_AreProblemsNamingTheParameter(string path, string detail)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<RecallFeedPage> RecallsAsync(string path) =>
        (await Client.GetFromJsonAsync<RecallFeedPage>(new Uri(path, UriKind.Relative), Web))!;

    private async Task<AlertFeedPage> AlertsAsync(string path) =>
        (await Client.GetFromJsonAsync<AlertFeedPage>(new Uri(path, UriKind.Relative), Web))!;
}
