using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TraceChain.Mqtt;
using TraceChain.Mqtt.Broker;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Notifications;
using TraceGateway.Notifications;
using TraceGateway.Security;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Notifications;

/// <summary>
/// The gateway's recall and alert publisher against a real Mosquitto broker, reading the embedded ledger's SQLite file or
/// a separate ledger's HTTP feed (a real <see cref="TraceLedger.Api.LedgerHttpApp"/> on a loopback port).
/// </summary>
public sealed class NotificationPublisherTests : IAsyncLifetime
{
    private const string GatewayUser = "gateway";
    private const string Password = "notify pass";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly string directory = Directory.CreateTempSubdirectory("notify-test-").FullName;
    private MosquittoProcess? broker;
    private LedgerService? ledgerService;

    private MosquittoProcess Broker => broker!;

    private string Database => Path.Combine(directory, "ledger.db");

    private static string Manufacturer => TestData.Gln(1);

    private static string Distributor => TestData.Gln(2);

    private static string Pharmacy => TestData.Gln(3);

    public async Task InitializeAsync()
    {
        // Each party's MQTT user is its GLN; the ACL lets it read every recall and only its own alerts.
        broker = await MosquittoProcess.StartAsync(
            new MosquittoOptions
            {
                DataDirectory = Path.Combine(directory, "mosquitto"),
                Persistence = true,
                Users = new Dictionary<string, string> { [GatewayUser] = Password, [Manufacturer] = Password, [Distributor] = Password, [Pharmacy] = Password },
                Acl = $"""
                    user {GatewayUser}
                    topic write tracechain/recalls/#
                    topic write tracechain/alerts/#

                    pattern read tracechain/recalls/#
                    pattern read tracechain/alerts/%u
                    """,
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Broker.DisposeAsync();
        if (ledgerService is not null)
        {
            await ledgerService.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Remote)]
    public async Task Recall_ThroughTheGateway_IsRetainedPerGtinAndBatch_AndALateSubscriberGetsItWithItsEntry(LedgerMode mode)
    {
        await using var host = await StartGatewayAsync(mode);
        using var manufacturer = await PrepareManufacturerAsync(host, "B1", "L/2+x");
        using var recall = await manufacturer.PostAsJsonAsync("/v1/recalls", new { gtin = TestData.Gtin(1), lot = "B1", reason = "contamination" });
        recall.EnsureSuccessStatusCode();
        var seq = (await recall.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seq").GetInt64();
        await WaitAsync(() => Publisher(host).RecallsPublished == 1, "recall published");

        // Subscribed after the publish: the broker hands over the retained notice.
        await using var late = await Subscriber.StartAsync(Broker, Distributor, RecallTopic.AllRecalls("tracechain"));
        var message = await late.NextAsync();
        Assert.True(message.Retain);
        Assert.Equal($"tracechain/recalls/{TestData.Gtin(1)}/B1", message.Topic);
        var notice = RecallNotice.TryParse(message.Payload.Span, out var problem);
        Assert.True(notice is not null, problem);
        Assert.Equal(new RecallNotice(TestData.Gtin(1), "B1", false, "contamination", notice.RecalledAt, seq), notice);

        // The reference leads to the log entry that proves the recall.
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        var entry = await admin.GetFromJsonAsync<JsonElement>(new Uri(notice.EntryPath, UriKind.Relative));
        Assert.Contains("batch_recalled", entry.ToString(), StringComparison.Ordinal);

        // A product-wide withdrawal becomes one retained notice per batch; a batch with '/' and '+' is escaped in its level.
        using var withdrawal = await manufacturer.PostAsJsonAsync("/v1/recalls", new { gtin = TestData.Gtin(1), reason = "packaging fault", withdrawal = true });
        withdrawal.EnsureSuccessStatusCode();
        var batches = new[] { await late.NextAsync(), await late.NextAsync() }.OrderBy(m => m.Topic, StringComparer.Ordinal).ToList();
        Assert.Equal([$"tracechain/recalls/{TestData.Gtin(1)}/B1", $"tracechain/recalls/{TestData.Gtin(1)}/L%2F2%2Bx"], batches.Select(m => m.Topic));
        Assert.True(RecallTopic.TryParse(batches[1].Topic, "tracechain", out _, out var batch));
        Assert.Equal("L/2+x", batch);
        Assert.All(batches, m => Assert.Equal("withdrawn", RecallNotice.TryParse(m.Payload.Span, out _)!.Status));
    }

    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Remote)]
    public async Task RecallWhileTheBrokerIsDown_IsPublishedWhenItReturns_EvenAcrossAGatewayRestart_AndARestartRepublishesNothing(LedgerMode mode)
    {
        var host = await StartGatewayAsync(mode);
        HttpClient manufacturer;
        try
        {
            manufacturer = await PrepareManufacturerAsync(host, "B1", "B2", "B3");
            await RecallAsync(manufacturer, "B1");
            await WaitAsync(() => Publisher(host).RecallsPublished == 1, "B1 published");

            // Broker down: the recall is committed (the ledger does not depend on the broker), the publish waits.
            await Broker.StopAsync(CancellationToken.None);
            await RecallAsync(manufacturer, "B2");
            Assert.Equal(1, Publisher(host).RecallsPublished);
        }
        finally
        {
            await host.DisposeAsync();
        }

        manufacturer.Dispose();
        await Broker.RestartAsync(CancellationToken.None);
        await using var subscriber = await Subscriber.StartAsync(Broker, Pharmacy, RecallTopic.AllRecalls("tracechain"));
        var retained = await subscriber.NextAsync();
        Assert.True(retained.Retain);
        Assert.EndsWith("/B1", retained.Topic, StringComparison.Ordinal);

        // The restarted gateway resumes at its cursor: B2 (missed while the broker was down), then B3, and not B1 again.
        await using var restarted = await StartGatewayAsync(mode);
        using var again = await restarted.ClientAsync(GatewayRoles.Manufacturer);
        await WaitAsync(() => Publisher(restarted).RecallsPublished == 1, "B2 published after the restart");
        await RecallAsync(again, "B3");
        var live = new[] { await subscriber.NextAsync(), await subscriber.NextAsync() };
        Assert.Equal(["B2", "B3"], live.Select(m => RecallNotice.TryParse(m.Payload.Span, out _)!.Batch));
        Assert.All(live, m => Assert.False(m.Retain));
        // The subscriber can get a message before the broker's PUBACK reaches the publisher, which counts it then.
        await WaitAsync(() => Publisher(restarted).RecallsPublished == 2, "2 recall notice(s) acknowledged");
        Assert.Equal(3, await RetainedCountAsync());

        // The cursor that made this work is in its documented default place: beside the ledger file, or, with a remote
        // ledger (no file here), beside the gateway's key store.
        var cursorFile = mode == LedgerMode.Remote ? Path.Combine(directory, "gateway-notify.db") : Database + ".notify.db";
        Assert.True(File.Exists(cursorFile), cursorFile);
        Assert.Equal(mode == LedgerMode.Embedded, File.Exists(Database + ".notify.db"));
    }

    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Remote)]
    public async Task CursorTakenOnLedgerA_GatewayRestartedOnLedgerB_PublishesBsRecallAndStartsAFreshCursor(LedgerMode mode)
    {
        // One cursor file for both ledgers: the embedded default sits beside each ledger file, so name it; the remote
        // default (beside the gateway's key store) is shared already.
        var state = mode == LedgerMode.Embedded ? new Dictionary<string, string?> { ["Notifications:Mqtt:StatePath"] = Path.Combine(directory, "shared-notify.db") } : [];
        long cursorOnA;
        await using (var onA = await StartGatewayAsync(mode, state))
        {
            using var manufacturer = await PrepareManufacturerAsync(onA, "B1", "B2", "B3");
            await RecallAsync(manufacturer, "B1");
            await RecallAsync(manufacturer, "B2");
            await WaitAsync(() => Publisher(onA).RecallsPublished == 2, "A's recalls published");
            using var checkpoint = await manufacturer.GetAsync(new Uri("/v1/checkpoint", UriKind.Relative));
            cursorOnA = (await checkpoint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("treeSize").GetInt64() - 1;
        }

        // Ledger B: a new ledger file, or another TraceLedger serve behind the gateway's Ledger:Url.
        await using var otherService = mode == LedgerMode.Remote ? await LedgerService.StartAsync(Path.Combine(directory, "ledger-b.db")) : null;
        var onB = new Dictionary<string, string?>(state);
        if (otherService is null)
        {
            onB["Ledger:Database"] = Path.Combine(directory, "ledger-b.db");
        }
        else
        {
            onB["Ledger:Url"] = otherService.Url;
            onB["Ledger:ApiKey"] = otherService.ApiKey;
        }

        await using var subscriber = await Subscriber.StartAsync(Broker, Pharmacy, RecallTopic.AllRecalls("tracechain"));
        await using var restarted = await StartGatewayAsync(mode, onB);
        using var manufacturerB = await PrepareManufacturerAsync(restarted, "B9");
        using var recall = await manufacturerB.PostAsJsonAsync("/v1/recalls", new { gtin = TestData.Gtin(1), lot = "B9", reason = "sterility B9" });
        recall.EnsureSuccessStatusCode();
        var seq = (await recall.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seq").GetInt64();

        // B's recall sits at a sequence number A's cursor had passed: only a fresh cursor publishes it.
        Assert.True(seq <= cursorOnA, $"B's recall at {seq} must be behind A's cursor {cursorOnA} for this test to mean anything");
        var messages = new List<MqttMessage>();
        while (messages.Count < 3)
        {
            messages.Add(await subscriber.NextAsync());
        }

        var live = messages.Where(m => !m.Retain).Select(m => RecallNotice.TryParse(m.Payload.Span, out _)!).ToList();
        Assert.Equal(new RecallNotice(TestData.Gtin(1), "B9", false, "sterility B9", live.Single().RecalledAt, seq), live.Single());
        Assert.Equal(1, Publisher(restarted).CursorRestarts);
        // The subscriber can get a message before the broker's PUBACK reaches the publisher, which counts it then.
        await WaitAsync(() => Publisher(restarted).RecallsPublished == 1, "1 recall notice(s) acknowledged");
    }

    [Fact]
    public async Task LedgerRestoredFromAnOlderBackup_BehindTheCursor_PublishesItsNewRecallsAgainFromTheStart()
    {
        await using (var first = await StartGatewayAsync(LedgerMode.Embedded))
        {
            using var manufacturer = await PrepareManufacturerAsync(first, "B1", "B2");
            await RecallAsync(manufacturer, "B1");
            await WaitAsync(() => Publisher(first).RecallsPublished == 1, "B1 published");
        }

        var backup = BackUpLedger();
        await using (var second = await StartGatewayAsync(LedgerMode.Embedded))
        {
            using var manufacturer = await second.ClientAsync(GatewayRoles.Manufacturer);
            await CommissionAsync(manufacturer, "B3", "B4", "B5");
            await RecallAsync(manufacturer, "B5");
            await WaitAsync(() => Publisher(second).RecallsPublished == 1, "B5 published");
        }

        // Restored: the log is shorter than the cursor; the same ledger (same key), so only the rollback tells.
        RestoreLedger(backup);
        await using var subscriber = await Subscriber.StartAsync(Broker, Pharmacy, RecallTopic.AllRecalls("tracechain"));
        await using var restored = await StartGatewayAsync(LedgerMode.Embedded);
        await WaitAsync(() => Publisher(restored).CursorRestarts == 1, "rollback noticed");
        using var again = await restored.ClientAsync(GatewayRoles.Manufacturer);
        await RecallAsync(again, "B2");

        // From the start: B1 once more (the same retained message), then B2, committed at a number the cursor had passed.
        var received = new List<RecallNotice>();
        while (!received.Any(n => n.Batch == "B2"))
        {
            received.Add(RecallNotice.TryParse((await subscriber.NextAsync()).Payload.Span, out _)!);
        }

        Assert.Contains(received, n => n.Batch == "B1");
        // The subscriber can get a message before the broker's PUBACK reaches the publisher, which counts it then.
        await WaitAsync(() => Publisher(restored).RecallsPublished == 2, "2 recall notice(s) acknowledged");
        Assert.Equal(1, Publisher(restored).CursorRestarts);
    }

    [Fact]
    public async Task LedgerRestoredFromAnOlderBackup_AndGrownPastTheCursorBeforeTheGatewayReadsIt_PublishesTheRecallBehindTheCursor()
    {
        await using (var first = await StartGatewayAsync(LedgerMode.Embedded))
        {
            using var manufacturer = await PrepareManufacturerAsync(first, "B1", "B2");
            await RecallAsync(manufacturer, "B1");
            await WaitAsync(() => Publisher(first).RecallsPublished == 1, "B1 published");
        }

        var backup = BackUpLedger();
        long cursor;
        await using (var second = await StartGatewayAsync(LedgerMode.Embedded))
        {
            using var manufacturer = await second.ClientAsync(GatewayRoles.Manufacturer);
            await CommissionAsync(manufacturer, "B3", "B4");
            await RecallAsync(manufacturer, "B4");
            await WaitAsync(() => Publisher(second).RecallsPublished == 1, "B4 published");
            cursor = await TreeSizeAsync(manufacturer) - 1;
        }

        // Restored, then written to by a gateway that does not publish, until the log is longer than the cursor again:
        // the log end alone no longer tells, the entry under the cursor does.
        RestoreLedger(backup);
        long recallSeq;
        await using (var quiet = await StartGatewayAsync(LedgerMode.Embedded, new Dictionary<string, string?> { ["Notifications:Mqtt:Host"] = "" }))
        {
            using var manufacturer = await quiet.ClientAsync(GatewayRoles.Manufacturer);
            using var recall = await manufacturer.PostAsJsonAsync("/v1/recalls", new { gtin = TestData.Gtin(1), lot = "B2", reason = "sterility B2" });
            recall.EnsureSuccessStatusCode();
            recallSeq = (await recall.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seq").GetInt64();
            await CommissionAsync(manufacturer, "B5", "B6", "B7", "B8");
            Assert.True(recallSeq <= cursor && await TreeSizeAsync(manufacturer) - 1 > cursor, $"recall at {recallSeq} must be behind the cursor {cursor}, the log end past it");
        }

        await using var subscriber = await Subscriber.StartAsync(Broker, Pharmacy, RecallTopic.AllRecalls("tracechain"));
        await using var restored = await StartGatewayAsync(LedgerMode.Embedded);
        var received = new List<RecallNotice>();
        while (!received.Any(n => n.Batch == "B2"))
        {
            received.Add(RecallNotice.TryParse((await subscriber.NextAsync()).Payload.Span, out _)!);
        }

        Assert.Equal(recallSeq, received.Single(n => n.Batch == "B2").Seq);
        Assert.Equal(1, Publisher(restored).CursorRestarts);
    }

    [Fact]
    public async Task RemoteLedgerDown_PublishingWaitsAndResumes_NothingLostAndNothingRepeated()
    {
        await using var host = await StartGatewayAsync(LedgerMode.Remote);
        var ledger = ledgerService!;
        using var manufacturer = await PrepareManufacturerAsync(host, "B1", "B2", "B3");
        using (var admin = await host.ClientAsync(GatewayRoles.Admin))
        {
            using var party = await admin.PostAsJsonAsync("/v1/parties", new { gln = Pharmacy, name = "Pharmacy", role = "pharmacy" });
            party.EnsureSuccessStatusCode();
        }

        await using var recalls = await Subscriber.StartAsync(Broker, Pharmacy, RecallTopic.AllRecalls("tracechain"));
        await using var alerts = await Subscriber.StartAsync(Broker, Pharmacy, RecallTopic.Alerts("tracechain", Pharmacy));
        await RecallAsync(manufacturer, "B1");
        Assert.Equal("B1", RecallNotice.TryParse((await recalls.NextAsync()).Payload.Span, out _)!.Batch);

        // The ledger's HTTP service goes away; the publisher keeps polling and failing without ending.
        await ledger.StopHttpAsync();
        var failures = Publisher(host).LedgerReadFailures;
        await WaitAsync(() => Publisher(host).LedgerReadFailures >= failures + 2, "two failed polls while the ledger is down");

        // Meanwhile the ledger itself records a recall and an alert (made on its own host, e.g. by the regulator's tools).
        await ledger.Packs.Commissioning.RecallAsync(new TraceLedger.Packs.RecallRequest(Manufacturer, TestData.Gtin(1), "B2", "sterility B2"), CancellationToken.None);
        await ledger.Packs.Verdicts.VerifyAsync(new TraceLedger.Packs.VerdictRequest(PackIdentifier.ForGtinSerial(TestData.Gtin(1), "NOPE"), "B1", PartyGln: Pharmacy), CancellationToken.None);
        Assert.Equal(1, Publisher(host).RecallsPublished);
        Assert.True(Publisher(host).IsConnected);

        // Back on the same address: what was committed meanwhile is published once, then live publishing goes on.
        await ledger.StartHttpAsync();
        var missed = RecallNotice.TryParse((await recalls.NextAsync()).Payload.Span, out _)!;
        Assert.Equal("B2", missed.Batch);
        var alert = AlertNotice.TryParse((await alerts.NextAsync()).Payload.Span, out var problem);
        Assert.True(alert is not null, problem);
        Assert.Equal(("unknown_serial", Pharmacy), (alert.Code, alert.Party));
        await RecallAsync(manufacturer, "B3");
        Assert.Equal("B3", RecallNotice.TryParse((await recalls.NextAsync()).Payload.Span, out _)!.Batch);
        // The subscriber can get a message before the broker's PUBACK reaches the publisher, which counts it then.
        await WaitAsync(() => Publisher(host).RecallsPublished == 3, "3 recall notice(s) acknowledged");
        Assert.Equal(0, recalls.Pending);
        Assert.Equal(3, await RetainedCountAsync());
    }

    [Fact]
    public async Task RemoteLedger_IsPolledThroughItsFeedAndLogKeyOnly_NeverForTheEntryUnderTheCursor()
    {
        await using var host = await StartGatewayAsync(LedgerMode.Remote);
        var ledger = ledgerService!;
        using var manufacturer = await PrepareManufacturerAsync(host, "B1");
        await using var recalls = await Subscriber.StartAsync(Broker, Pharmacy, RecallTopic.AllRecalls("tracechain"));
        await RecallAsync(manufacturer, "B1");
        Assert.Equal("B1", RecallNotice.TryParse((await recalls.NextAsync()).Payload.Span, out _)!.Batch);

        // A large batch is now the newest entry, where the cursor stands: the polls must not download it each time.
        await ledger.Packs.Commissioning.CommissionAsync(new TraceLedger.Packs.CommissionRequest(Manufacturer, TestData.Gtin(1), "BIG", "301231", new TraceLedger.Packs.ProductData("Amoxicillin", "500 mg", "capsule", 20), 5_000), CancellationToken.None);
        var polled = ledger.Requests.Count(r => r.StartsWith("GET /v1/feed/recalls", StringComparison.Ordinal));
        await WaitAsync(() => ledger.Requests.Count(r => r.StartsWith("GET /v1/feed/recalls", StringComparison.Ordinal)) >= polled + 5, "five more polls");

        Assert.DoesNotContain(ledger.Requests, r => r.StartsWith("GET /v1/entries/", StringComparison.Ordinal));
        Assert.Equal(1, Publisher(host).RecallsPublished);
        Assert.Equal(0, Publisher(host).CursorRestarts);
    }

    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Remote)]
    public async Task Alerts_GoToTheTopicsOfThePartiesConcerned_AndNoPartyReadsAnotherPartysAlerts(LedgerMode mode)
    {
        await using var host = await StartGatewayAsync(mode);
        using var manufacturer = await PrepareManufacturerAsync(host, "B1");
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        foreach (var (gln, role) in new[] { (Distributor, "distributor"), (Pharmacy, "pharmacy") })
        {
            using var party = await admin.PostAsJsonAsync("/v1/parties", new { gln, name = "Party " + role, role });
            party.EnsureSuccessStatusCode();
        }

        await using var pharmacyFeed = await Subscriber.StartAsync(Broker, Pharmacy, RecallTopic.Alerts("tracechain", Pharmacy));
        await using var distributorFeed = await Subscriber.StartAsync(Broker, Distributor, "tracechain/alerts/#");
        await using var manufacturerFeed = await Subscriber.StartAsync(Broker, Manufacturer, RecallTopic.Alerts("tracechain", Manufacturer));
        await WaitAsync(() => Publisher(host).IsConnected, "publisher connected");

        // A pharmacy checks a serial that was never commissioned: an unknown_serial alert for the pharmacy only.
        using var pharmacy = await host.ClientAsync(GatewayRoles.Pharmacy);
        using var unknown = await pharmacy.PostAsJsonAsync("/v1/verifications", new { identifier = PackIdentifier.ForGtinSerial(TestData.Gtin(1), "NOPE") });
        unknown.EnsureSuccessStatusCode();
        var alert = AlertNotice.TryParse((await pharmacyFeed.NextAsync()).Payload.Span, out var problem);
        Assert.True(alert is not null, problem);
        Assert.Equal(("unknown_serial", Pharmacy, PackIdentifier.ForGtinSerial(TestData.Gtin(1), "NOPE")), (alert.Code, alert.Party, alert.Identifier));

        // Then the distributor reads a wrong batch on a genuine pack: its own alert, and the manufacturer's (its product).
        using var distributor = await host.ClientAsync(GatewayRoles.Distributor);
        using var mismatch = await distributor.PostAsJsonAsync("/v1/verifications", new { identifier = PackIdentifier.ForGtinSerial(TestData.Gtin(1), "S1"), batch = "B7" });
        mismatch.EnsureSuccessStatusCode();
        var own = await distributorFeed.NextAsync();
        Assert.Equal(RecallTopic.Alerts("tracechain", Distributor), own.Topic);
        Assert.False(own.Retain);
        var forManufacturer = AlertNotice.TryParse((await manufacturerFeed.NextAsync()).Payload.Span, out _)!;
        Assert.Equal(("batch_mismatch", Manufacturer), (forManufacturer.Code, forManufacturer.Party));
        Assert.Equal(AlertNotice.TryParse(own.Payload.Span, out _)!.Id, forManufacturer.Id);

        // The pharmacy's alert was published first, to a topic the distributor's '#' filter matches: the ACL kept it out.
        Assert.Equal(0, distributorFeed.Pending);
        Assert.Equal(0, pharmacyFeed.Pending);
    }

    [Fact]
    public async Task Recall_OverTls_WithThePinnedCa_ReachesTheSubscriber()
    {
        using var certificates = TraceChain.Mqtt.Tests.Broker.TestCertificates.Create(Path.Combine(directory, "tls"));
        await using var tlsBroker = await MosquittoProcess.StartAsync(
            new MosquittoOptions { DataDirectory = Path.Combine(directory, "mosquitto-tls"), Users = new Dictionary<string, string> { [GatewayUser] = Password }, Tls = certificates.Files },
            CancellationToken.None);
        await using var host = await StartGatewayAsync(LedgerMode.Embedded, new Dictionary<string, string?>
        {
            ["Notifications:Mqtt:Port"] = tlsBroker.TlsPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Mqtt:CaFile"] = certificates.Files.CaFile,
        });
        using var manufacturer = await PrepareManufacturerAsync(host, "B1");
        await RecallAsync(manufacturer, "B1");
        await using var subscriber = await Subscriber.StartAsync(tlsBroker, GatewayUser, RecallTopic.AllRecalls("tracechain"));
        var message = await subscriber.NextAsync();
        Assert.Equal("B1", RecallNotice.TryParse(message.Payload.Span, out _)!.Batch);
        Assert.True(Publisher(host).IsConnected);
    }

    [Fact]
    public async Task Settings_Unusable_FailTheStartNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await StartGatewayAsync(LedgerMode.Embedded, new Dictionary<string, string?> { ["Notifications:Mqtt:TopicPrefix"] = "tracechain/#", ["Notifications:Mqtt:Port"] = "0" });
        });
        var message = error.ToString();
        Assert.Contains("Notifications:Mqtt:TopicPrefix", message, StringComparison.Ordinal);
        Assert.Contains("Notifications:Mqtt:Port 0", message, StringComparison.Ordinal);
    }

    private static NotificationPublisher Publisher(GatewayHost host) => host.Services.GetRequiredService<NotificationPublisher>();

    private static async Task RecallAsync(HttpClient manufacturer, string lot)
    {
        using var recall = await manufacturer.PostAsJsonAsync("/v1/recalls", new { gtin = TestData.Gtin(1), lot, reason = "sterility " + lot });
        Assert.True(recall.IsSuccessStatusCode, await recall.Content.ReadAsStringAsync());
    }

    private static async Task<HttpClient> PrepareManufacturerAsync(GatewayHost host, params string[] lots)
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        await TestData.RegisterManufacturerAsync(admin);
        var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        foreach (var lot in lots)
        {
            using var response = await manufacturer.PostAsJsonAsync("/v1/batches", new
            {
                gtin = TestData.Gtin(1), lot, expiry = "301231", count = 0, importedSerials = new[] { "S1", "S2" }.Select(s => lot == "B1" ? s : s + lot.Replace("/", "", StringComparison.Ordinal).Replace("+", "", StringComparison.Ordinal)).ToArray(),
                product = new { name = "Amoxicillin", strength = "500 mg", form = "capsule", packSize = 20 },
            });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        return manufacturer;
    }

    private async Task<GatewayHost> StartGatewayAsync(LedgerMode mode, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ledger:Database"] = Database,
            ["Notifications:Mqtt:Host"] = "127.0.0.1",
            ["Notifications:Mqtt:Port"] = Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Mqtt:Username"] = GatewayUser,
            ["Notifications:Mqtt:Password"] = Password,
            ["Notifications:Mqtt:PollMilliseconds"] = "50",
        };
        if (mode == LedgerMode.Remote)
        {
            // One ledger service for the whole test, so a restarted gateway finds the same ledger; the gateway's own
            // files (its keys and, by default, its notification cursor) live in the test's folder too.
            ledgerService ??= await LedgerService.StartAsync(Path.Combine(directory, "remote-ledger.db"));
            settings["Ledger:Url"] = ledgerService.Url;
            settings["Ledger:ApiKey"] = ledgerService.ApiKey;
            settings["Ledger:KeysDatabase"] = Path.Combine(directory, "gateway-keys.db");
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // The ledger mode follows the settings above (Ledger:Url); the host itself starts no ledger of its own.
        return await GatewayHost.StartAsync(LedgerMode.Embedded, settings);
    }

    private static async Task CommissionAsync(HttpClient manufacturer, params string[] lots)
    {
        foreach (var lot in lots)
        {
            using var batch = await manufacturer.PostAsJsonAsync("/v1/batches", new
            {
                gtin = TestData.Gtin(1), lot, expiry = "301231", count = 0, importedSerials = new[] { "S1" + lot },
                product = new { name = "Amoxicillin", strength = "500 mg", form = "capsule", packSize = 20 },
            });
            Assert.True(batch.IsSuccessStatusCode, await batch.Content.ReadAsStringAsync());
        }
    }

    private static async Task<long> TreeSizeAsync(HttpClient client)
    {
        using var checkpoint = await client.GetAsync(new Uri("/v1/checkpoint", UriKind.Relative));
        return (await checkpoint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("treeSize").GetInt64();
    }

    /// <summary>
    /// Backs up the ledger (not the gateway's cursor) while no gateway has it open: the database through SQLite
    /// (<c>VACUUM INTO</c>, one consistent file, whatever its WAL holds), its other files (keys, secret) as they are.
    /// Copying the -wal file instead races with the last pooled connection's close, which checkpoints and deletes it.
    /// </summary>
    private string BackUpLedger()
    {
        var backup = Directory.CreateDirectory(Path.Combine(directory, "backup")).FullName;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in LedgerFiles().Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)))
        {
            if (file == Database)
            {
                using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=False");
                connection.Open();
                using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $target;";
                vacuum.Parameters.AddWithValue("$target", Path.Combine(backup, Path.GetFileName(file)));
                vacuum.ExecuteNonQuery();
            }
            else
            {
                File.Copy(file, Path.Combine(backup, Path.GetFileName(file)));
            }
        }

        return backup;
    }

    private void RestoreLedger(string backup)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in LedgerFiles())
        {
            File.Delete(file);
        }

        foreach (var file in Directory.GetFiles(backup))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }
    }

    private IEnumerable<string> LedgerFiles() =>
        Directory.GetFiles(directory, "ledger.db*").Where(f => !Path.GetFileName(f).StartsWith("ledger.db.notify.db", StringComparison.Ordinal));

    private async Task<int> RetainedCountAsync()
    {
        // A fresh subscriber receives exactly the retained messages, then the marker this test publishes after them.
        await using var fresh = await Subscriber.StartAsync(Broker, GatewayUser, RecallTopic.AllRecalls("tracechain"));
        await using var marker = new MqttClient(Subscriber.Options(Broker, GatewayUser, "marker"));
        await marker.ConnectAsync(CancellationToken.None);
        await marker.PublishAsync(RecallTopic.Format("tracechain", "marker", "end"), "end", cancellationToken: CancellationToken.None);
        var count = 0;
        while (!(await fresh.NextAsync()).Topic.EndsWith("/marker/end", StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("not within the time limit: " + what);
            }

            await Task.Delay(20);
        }
    }

    /// <summary>A client of the broker that collects what it receives.</summary>
    private sealed class Subscriber : IAsyncDisposable
    {
        private readonly BlockingCollection<MqttMessage> received = [];
        private MqttClient? client;

        public int Pending => received.Count;

        public static MqttClientOptions Options(MosquittoProcess broker, string user, string clientId) => new()
        {
            Port = broker.Port,
            ClientId = clientId,
            Username = user,
            Password = Password,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        };

        public static async Task<Subscriber> StartAsync(MosquittoProcess broker, string user, string filter)
        {
            var subscriber = new Subscriber();
            subscriber.client = new MqttClient(Options(broker, user, user + "-" + Guid.NewGuid().ToString("N")[..8]), (m, _) =>
            {
                subscriber.received.Add(m with { Payload = m.Payload.ToArray() });
                return Task.CompletedTask;
            });
            await subscriber.client.ConnectAsync(CancellationToken.None);
            await subscriber.client.SubscribeAsync(filter, MqttQualityOfService.AtLeastOnce, CancellationToken.None);
            return subscriber;
        }

        public Task<MqttMessage> NextAsync() => Task.Run(() => received.TryTake(out var m, Timeout) ? m : throw new TimeoutException("no message within the time limit"));

        public async ValueTask DisposeAsync()
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }

            received.Dispose();
        }
    }
}
