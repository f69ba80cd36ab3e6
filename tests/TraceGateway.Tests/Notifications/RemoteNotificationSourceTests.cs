using System.Net.Http.Headers;
using TraceGateway.LedgerAccess;
using TraceGateway.Notifications;
using TraceGateway.Tests.Support;
using TraceLedger.Packs;

namespace TraceGateway.Tests.Notifications;

/// <summary>The remote notification source against a real ledger service: the same pages as the ledger's own feed, and every failure a named outage.</summary>
public sealed class RemoteNotificationSourceTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("notify-source-").FullName;
    private LedgerService? ledger;

    private LedgerService Ledger => ledger!;

    public async Task InitializeAsync() => ledger = await LedgerService.StartAsync(Path.Combine(directory, "ledger.db"));

    public async Task DisposeAsync()
    {
        await Ledger.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Pages_AreThoseOfTheLedgersOwnFeed()
    {
        await Ledger.Packs.Ledger.RegisterPartyAsync(new TraceLedger.Log.PartyRegistration(TestData.Gln(1), "Maker", TraceLedger.Storage.PartyRole.Manufacturer, null, null), CancellationToken.None);
        await Ledger.Packs.Commissioning.RegisterCompanyPrefixAsync(TestData.CompanyPrefix, TestData.Gln(1), CancellationToken.None);
        await Ledger.Packs.Commissioning.CommissionAsync(new CommissionRequest(TestData.Gln(1), TestData.Gtin(1), "B1", "301231", new ProductData("Amoxicillin", "500 mg", "capsule", 20), 1), CancellationToken.None);
        await Ledger.Packs.Commissioning.RecallAsync(new RecallRequest(TestData.Gln(1), TestData.Gtin(1), null, "packaging", Withdrawal: true), CancellationToken.None);
        await Ledger.Packs.Verdicts.VerifyAsync(new VerdictRequest(TraceChain.Protocol.Hops.PackIdentifier.ForGtinSerial(TestData.Gtin(1), "NOPE"), "B1", PartyGln: TestData.Gln(1)), CancellationToken.None);
        using var http = Client(Ledger.ApiKey);
        var source = new RemoteNotificationSource(http);
        var feed = new NotificationFeed(Ledger.Packs);

        var recalls = await source.RecallsAfterAsync(-1, 10, CancellationToken.None);
        var expected = await feed.RecallsAfterAsync(-1, 10, CancellationToken.None);
        Assert.Equal(expected.Notices, recalls.Notices);
        Assert.Equal(expected.ThroughSeq, recalls.ThroughSeq);
        Assert.Equal("withdrawn", Assert.Single(recalls.Notices).Status);

        var alerts = await source.AlertsAfterAsync(0, 10, CancellationToken.None);
        Assert.Equal((await feed.AlertsAfterAsync(0, 10, CancellationToken.None)).Notices, alerts.Notices);
        Assert.NotEmpty(alerts.Notices);
        Assert.Equal(await feed.LastAlertIdAsync(CancellationToken.None), await source.LastAlertIdAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeadKey_IsAnOutageNamingTheLedgersReason()
    {
        using var http = Client("tl_revoked-or-mistyped");
        var error = await Assert.ThrowsAsync<LedgerUnavailableException>(() => new RemoteNotificationSource(http).RecallsAfterAsync(-1, 10, CancellationToken.None));

        Assert.Contains("GET /v1/feed/recalls?after=-1&limit=10 with 401", error.Message, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedgerDown_IsAnOutage_AndItsReturnIsSeenOnTheNextCall()
    {
        using var http = Client(Ledger.ApiKey);
        var source = new RemoteNotificationSource(http);
        await Ledger.StopHttpAsync();

        var error = await Assert.ThrowsAsync<LedgerUnavailableException>(() => source.LastAlertIdAsync(CancellationToken.None));
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);

        await Ledger.StartHttpAsync();
        Assert.Equal(0, await source.LastAlertIdAsync(CancellationToken.None));
    }

    private HttpClient Client(string key)
    {
        var http = new HttpClient { BaseAddress = new Uri(Ledger.Url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }
}
