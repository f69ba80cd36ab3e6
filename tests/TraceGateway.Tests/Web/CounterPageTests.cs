using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TraceGateway.Security;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Web;

/// <summary>
/// The pharmacy counter page through WebApplicationFactory: session, antiforgery, scans, counter device. Tests share one
/// seeded gateway and use different packs; those that need their own settings, clock or ledger mode start their own.
/// </summary>
public sealed class CounterPageTests(CounterGateway shared) : IClassFixture<CounterGateway>
{
    private async Task<CounterBrowser> SharedSignedInAsync(string language = "en")
    {
        var browser = new CounterBrowser(shared.Host.Browser(), language);
        using var signIn = await browser.SignInAsync(await shared.Host.KeyAsync(GatewayRoles.Pharmacy));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        return browser;
    }

    private static async Task<(GatewayHost Host, CounterBrowser Browser)> SignedInAsync(LedgerMode mode = LedgerMode.Embedded, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = await GatewayHost.StartAsync(mode, settings);
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        await CounterScenario.SeedAsync(admin, manufacturer);
        var browser = new CounterBrowser(host.Browser());
        using var signIn = await browser.SignInAsync(await host.KeyAsync(GatewayRoles.Pharmacy));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        return (host, browser);
    }

    [Fact]
    public async Task CounterPage_WithoutSession_RedirectsToSignIn()
    {
        var host = shared.Host;
        using var browser = new CounterBrowser(host.Browser());
        var (status, _, location) = await browser.GetAsync("/counter");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/counter/login", location!.PathAndQuery, StringComparison.Ordinal);
        var (loginStatus, html, _) = await browser.GetAsync("/counter/login");
        Assert.Equal(HttpStatusCode.OK, loginStatus);
        Assert.Contains("id=\"apikey\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/counter")]
    [InlineData("POST", "/counter/scan")]
    [InlineData("POST", "/counter/settings")]
    [InlineData("POST", "/counter/logout")]
    public async Task CounterPages_NeedTheSessionCookie_NotAnApiKeyHeader(string method, string path)
    {
        foreach (var role in GatewayRoles.All)
        {
            using var client = shared.Host.Browser();
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", await shared.Host.KeyAsync(role));
            if (method == "POST")
            {
                request.Content = new FormUrlEncodedContent([KeyValuePair.Create("scan", CounterScenario.Scan(9)), KeyValuePair.Create("action", "dispense")]);
            }

            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/counter/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignIn_WithPharmacyKey_SetsStrictHttpOnlySessionCookie()
    {
        var host = shared.Host;
        using var browser = new CounterBrowser(host.Browser());
        using var response = await browser.SignInAsync(await host.KeyAsync(GatewayRoles.Pharmacy));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/counter?lang=en", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tc_counter=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/counter", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase); // a browser-session cookie; the ticket inside expires
        var (status, html, _) = await browser.GetAsync("/counter");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<span id=\"party\">{CounterScenario.Pharmacy}</span>", html, StringComparison.Ordinal);
        Assert.Contains("autofocus", html, StringComparison.Ordinal);
        Assert.Equal("no-store", (await browser.Client.GetAsync(new Uri("/counter", UriKind.Relative))).Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task SignIn_OverHttps_MarksCookieSecure()
    {
        var host = shared.Host;
        using var client = host.Browser();
        client.BaseAddress = new Uri("https://localhost/");
        using var browser = new CounterBrowser(client);
        using var response = await browser.SignInAsync(await host.KeyAsync(GatewayRoles.Pharmacy));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("secure", response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tc_counter=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_WithWrongKey_Is401AndNoSession()
    {
        var host = shared.Host;
        using var browser = new CounterBrowser(host.Browser());
        using var response = await browser.SignInAsync("tlk_0000000000000000.forged");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-error=\"wrong_key\"", html, StringComparison.Ordinal);
        Assert.Contains("This API key is wrong or has been revoked.", html, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("tc_counter=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/counter")).Status);
    }

    [Theory]
    [InlineData(GatewayRoles.Manufacturer)]
    [InlineData(GatewayRoles.Distributor)]
    [InlineData(GatewayRoles.Regulator)]
    [InlineData(GatewayRoles.Admin)]
    public async Task SignIn_WithKeyOfAnotherRole_IsRefused(string role)
    {
        var host = shared.Host;
        using var browser = new CounterBrowser(host.Browser(), "zh-CN");
        using var response = await browser.SignInAsync(await host.KeyAsync(role));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-error=\"not_pharmacy\"", html, StringComparison.Ordinal);
        Assert.Contains("该API密钥不属于药房", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/counter")).Status);
    }

    [Fact]
    public async Task SignIn_Attempts_AreRateLimitedPerClient()
    {
        await using var host = await GatewayHost.StartAsync(LedgerMode.Embedded, new Dictionary<string, string?> { ["RateLimits:PerClientPermits"] = "2" });
        using var browser = new CounterBrowser(host.Browser());
        using var first = await browser.PostAsync("/counter/login", [KeyValuePair.Create("apikey", "tlk_0000000000000000.guess1")], tokenFrom: null);
        using var second = await browser.PostAsync("/counter/login", [KeyValuePair.Create("apikey", "tlk_0000000000000000.guess2")], tokenFrom: null);
        using var third = await browser.PostAsync("/counter/login", [KeyValuePair.Create("apikey", "tlk_0000000000000000.guess3")], tokenFrom: null);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        await Problems.AssertProblemAsync(third, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Posts_WithoutAntiforgeryToken_AreRefusedAndChangeNothing()
    {
        var host = shared.Host;
        var browser = await SharedSignedInAsync();
        using (browser)
        {
            using var scan = await browser.PostAsync("/counter/scan", [KeyValuePair.Create("scan", CounterScenario.Scan(1)), KeyValuePair.Create("action", "dispense")], tokenFrom: null);
            Assert.Equal(HttpStatusCode.BadRequest, scan.StatusCode);
            Assert.Contains("data-error=\"form_refused\"", await scan.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var forged = await browser.PostAsync(
                "/counter/scan",
                [KeyValuePair.Create("scan", CounterScenario.Scan(1)), KeyValuePair.Create("action", "dispense"), KeyValuePair.Create("__RequestVerificationToken", "CfDJ8forged")],
                tokenFrom: null);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            using var logout = await browser.PostAsync("/counter/logout", [], tokenFrom: null);
            Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);

            var (_, page, _) = await browser.GetAsync("/counter");
            Assert.Empty(CounterBrowser.History(page));
            Assert.Equal("genuine", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(1)))); // not dispensed
        }

        using var fresh = new CounterBrowser(host.Browser());
        using var login = await fresh.PostAsync("/counter/login", [KeyValuePair.Create("apikey", await host.KeyAsync(GatewayRoles.Pharmacy))], tokenFrom: null);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/counter")).Status);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_EvenForACopiedCookie()
    {
        var host = shared.Host;
        var browser = await SharedSignedInAsync();
        using (browser)
        {
            var copy = host.Browser();
            var cookie = (await browser.Client.GetAsync(new Uri("/counter", UriKind.Relative))).RequestMessage!.Headers.GetValues("Cookie").Single();
            using var logout = await browser.PostAsync("/counter/logout", [], "/counter");
            Assert.Equal(HttpStatusCode.SeeOther, logout.StatusCode);
            Assert.Equal("/counter/login?lang=en", logout.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/counter")).Status);

            using var replay = new HttpRequestMessage(HttpMethod.Get, new Uri("/counter", UriKind.Relative));
            replay.Headers.Add("Cookie", cookie);
            using var replayed = await copy.SendAsync(replay);
            Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
            copy.Dispose();
        }
    }

    [Fact]
    public async Task RevokingTheKey_EndsItsCounterSessions()
    {
        var host = shared.Host;
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        var key = await host.Services.GetRequiredService<GatewayKeys>().CreateAsync(new ApiKeyOwner(GatewayRoles.Pharmacy, CounterScenario.Pharmacy), CancellationToken.None);
        using var browser = new CounterBrowser(host.Browser());
        using var signIn = await browser.SignInAsync(key);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/counter")).Status);
        using var revoke = await admin.DeleteAsync(new Uri($"/v1/api-keys/{GatewayKeys.KeyIdOf(key)}", UriKind.Relative));
        Assert.True(revoke.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/counter")).Status);
        using var again = await browser.SignInAsync(key);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task ConcurrentDispenses_OfOnePharmacy_ReachTheLedgerInCounterOrder()
    {
        var (host, first) = await SignedInAsync();
        await using var _ = host;
        var browsers = new List<CounterBrowser> { first };
        for (var i = 0; i < 5; i++)
        {
            var browser = new CounterBrowser(host.Browser());
            using var signIn = await browser.SignInAsync(await host.KeyAsync(GatewayRoles.Pharmacy));
            browsers.Add(browser);
        }

        // Six sessions dispense six packs at once: one counter device, so every hop needs the next counter in order.
        var pages = await Task.WhenAll(browsers.Select((b, i) => b.ScanAsync(CounterScenario.Scan(i + 1), "dispense")));
        Assert.All(pages, page => Assert.Equal("dispensed", CounterBrowser.Verdict(page)));
        browsers.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task Session_IdleLongerThanTheTimeout_Ends()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await GatewayHost.StartAsync(LedgerMode.Embedded, services: s => s.AddSingleton<TimeProvider>(clock));
        using var browser = new CounterBrowser(host.Browser());
        using var signIn = await browser.SignInAsync(await host.KeyAsync(GatewayRoles.Pharmacy));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/counter")).Status);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/counter")).Status);
    }

    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Remote)]
    public async Task VerifyDispenseUndo_ThroughThePage_FollowTheLedgerRules(LedgerMode mode)
    {
        var (host, browser) = await SignedInAsync(mode);
        await using var _ = host;
        using (browser)
        {
            Assert.Equal("genuine", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(1))));
            Assert.Equal("dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(1), "dispense")));
            var again = await browser.ScanAsync(CounterScenario.Scan(1));
            Assert.Equal("already_dispensed", CounterBrowser.Verdict(again));
            Assert.Contains("<span id=\"emvs\">A7</span>", again, StringComparison.Ordinal);
            Assert.Contains("Already dispensed", again, StringComparison.Ordinal);
            var twice = await browser.ScanAsync(CounterScenario.Scan(1), "dispense");
            Assert.Equal("already_dispensed", CounterBrowser.Verdict(twice));
            Assert.Equal("undone", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(1), "undo")));
            var after = await browser.ScanAsync(CounterScenario.Scan(1));
            Assert.Equal("genuine", CounterBrowser.Verdict(after));
            Assert.Equal(["genuine", "undone", "already_dispensed", "already_dispensed", "dispensed", "genuine"], CounterBrowser.History(after));
            Assert.Equal("not_dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(2), "undo")));
        }
    }

    [Fact]
    public async Task UnknownSerial_IsPossibleCounterfeit_AndCannotBeDispensed()
    {
        var browser = await SharedSignedInAsync();
        using (browser)
        {
            var fake = CounterScenario.Scan(1).Replace("PACK1", "FAKE1", StringComparison.Ordinal);
            var page = await browser.ScanAsync(fake);
            Assert.Equal("unknown_serial", CounterBrowser.Verdict(page));
            Assert.Contains("class=\"verdict stop\"", page, StringComparison.Ordinal);
            Assert.Contains("Unknown — possible counterfeit", page, StringComparison.Ordinal);
            Assert.Contains("<span id=\"emvs\">A3</span>", page, StringComparison.Ordinal);
            Assert.Equal("unknown_pack", CounterBrowser.Verdict(await browser.ScanAsync(fake, "dispense")));
        }
    }

    [Fact]
    public async Task GsSubstitute_ChosenOnThePage_IsReadAsGs()
    {
        var browser = await SharedSignedInAsync();
        using (browser)
        {
            var tilde = CounterScenario.Scan(3, gs: "~");
            var unset = await browser.ScanAsync(tilde);
            Assert.Equal("unreadable", CounterBrowser.Verdict(unset));
            Assert.Contains("data-finding=\"SeparatorSubstituted\"", unset, StringComparison.Ordinal);

            await browser.SetGsAsync("~");
            var (_, settings, _) = await browser.GetAsync("/counter");
            Assert.Contains("<option value=\"~\" selected>", settings, StringComparison.Ordinal);
            Assert.Equal("genuine", CounterBrowser.Verdict(await browser.ScanAsync(tilde)));
            Assert.Equal("dispensed", CounterBrowser.Verdict(await browser.ScanAsync(tilde, "dispense")));

            await browser.SetGsAsync("<GS>");
            Assert.Equal("already_dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(3, gs: "<GS>"))));
            using var bad = await browser.PostAsync("/counter/settings", [KeyValuePair.Create("gs", "X")], "/counter");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("data-error=\"bad_setting\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en", "scanner")]
    [InlineData("zh-CN", "扫码枪没有发送GS分隔符")]
    public async Task DroppedGs_IsDiagnosedWithTheScannerFix_AndNothingIsRecorded(string language, string words)
    {
        var browser = await SharedSignedInAsync(language);
        using (browser)
        {
            // A scanner that drops GS: the batch swallows the serial, so the reading names no pack.
            var page = await browser.ScanAsync(CounterScenario.Scan(4, gs: ""), "dispense");
            Assert.Equal("unreadable", CounterBrowser.Verdict(page));
            Assert.Contains("data-finding=\"SeparatorsDropped\"", page, StringComparison.Ordinal);
            Assert.Contains(words, page, StringComparison.Ordinal);
            Assert.Contains("id=\"repaired\"", page, StringComparison.Ordinal);
            Assert.Contains("id=\"gs-hint\"", page, StringComparison.Ordinal);
            Assert.Contains("(21)PACK4", page, StringComparison.Ordinal);
            Assert.Equal("genuine", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(4)))); // the dispense never happened
        }
    }

    [Fact]
    public async Task ValidReadingWithSwallowedBatch_IsVerifiedWithTheScannerWarning()
    {
        var browser = await SharedSignedInAsync();
        using (browser)
        {
            // Serial before batch and GS dropped: the serial swallows the batch, so the reading names a pack that does not exist.
            var page = await browser.ScanAsync($"]d201{CounterScenario.Gtin}1730123121PACK510B1");
            Assert.Equal("unknown_serial", CounterBrowser.Verdict(page));
            Assert.Contains("data-finding=\"SeparatorsDropped\"", page, StringComparison.Ordinal);
            Assert.Contains("(21)PACK5(10)B1", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DigitalLinkChinaCodeAndLayoutFaults_AreReadOrExplained()
    {
        var browser = await SharedSignedInAsync();
        using (browser)
        {
            var link = $"https://id.example.com/01/{CounterScenario.Gtin}/10/B1/21/PACK5?17=301231";
            Assert.Equal("genuine", CounterBrowser.Verdict(await browser.ScanAsync(link)));
            var china = await browser.ScanAsync(CounterScenario.ChinaCode);
            Assert.Equal("genuine", CounterBrowser.Verdict(china));
            Assert.Contains($"cn:{CounterScenario.ChinaCode}", china, StringComparison.Ordinal);
            Assert.Equal("not_holder", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.ChinaCode, "dispense"))); // still the manufacturer's
            // A US-layout scanner typing into a French AZERTY PC: digits arrive as &é"'(-è_çà, ']' as '$', A and Q swap.
            var azerty = string.Concat(CounterScenario.Scan(5).Select(c => "1234567890]AQ".IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? "&é\"'(-è_çà$QA"[i] : c));
            var layout = await browser.ScanAsync(azerty);
            Assert.Equal("unreadable", CounterBrowser.Verdict(layout));
            Assert.Contains("data-finding=\"KeyboardLayoutAzerty\"", layout, StringComparison.Ordinal);
            Assert.Contains("(21)PACK5", layout, StringComparison.Ordinal);
            var scratch = TraceChain.Protocol.Scratch.ScratchCode.FromPayload("123456789012345").Format();
            Assert.Equal("scratch_code", CounterBrowser.Verdict(await browser.ScanAsync(scratch)));
            var empty = await browser.ScanAsync("   ");
            Assert.Equal("unreadable", CounterBrowser.Verdict(empty));
        }
    }

    [Fact]
    public async Task History_KeepsTheLastScans_NewestFirst()
    {
        var (host, browser) = await SignedInAsync(settings: new Dictionary<string, string?> { ["Counter:HistorySize"] = "3" });
        await using var _ = host;
        using (browser)
        {
            await browser.ScanAsync(CounterScenario.Scan(6));
            await browser.ScanAsync(CounterScenario.Scan(6), "dispense");
            await browser.ScanAsync("nonsense");
            var page = await browser.ScanAsync(CounterScenario.Scan(6));
            Assert.Equal(["already_dispensed", "unreadable", "dispensed"], CounterBrowser.History(page));
        }
    }

    [Fact]
    public async Task CounterDevice_IsRegisteredInTheLedger_AndSignsTheDispense()
    {
        var host = shared.Host;
        var browser = await SharedSignedInAsync();
        using (browser)
        {
            Assert.Equal("dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(7), "dispense")));
        }

        var deviceId = "counter." + CounterScenario.Pharmacy;
        using var regulator = await host.ClientAsync(GatewayRoles.Regulator);
        var history = await regulator.GetFromJsonAsync<JsonElement>(new Uri($"/v1/packs/{CounterScenario.Identifier(7)}/history", UriKind.Relative));
        using (var newest = JsonDocument.Parse(history.GetProperty("entries")[0].GetProperty("entry").GetString()!))
        {
            var hop = newest.RootElement.GetProperty("hop");
            Assert.Equal(deviceId, hop.GetProperty("deviceId").GetString());
            Assert.Equal("dispensing", hop.GetProperty("bizStep").GetString());
            Assert.Equal(CounterScenario.Pharmacy, hop.GetProperty("location").GetString());
        }

        // The admin action answers the same device, with the registry entry that registered it.
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var created = await admin.PostAsJsonAsync("/v1/counter-devices", new { partyGln = CounterScenario.Pharmacy });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var device = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(deviceId, device.GetProperty("deviceId").GetString());
        var entry = Encoding.UTF8.GetString(await regulator.GetByteArrayAsync(new Uri($"/v1/entries/{device.GetProperty("seq").GetInt64()}", UriKind.Relative)));
        Assert.Contains(deviceId, entry, StringComparison.Ordinal);
        Assert.Contains(device.GetProperty("publicKey").GetString()!, entry, StringComparison.Ordinal);

        var store = Path.Combine(host.Directory, "counter-devices.db");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(host.Directory, "data-protection")));
        }

        var raw = await File.ReadAllBytesAsync(store);
        Assert.DoesNotContain("PRIVATE KEY", Encoding.ASCII.GetString(raw), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CounterDevice_WithAKeyThisGatewayCannotOpen_IsRenewedByTheAdminAction()
    {
        var (host, browser) = await SignedInAsync();
        await using var _ = host;
        using (browser)
        {
            Assert.Equal("dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(1), "dispense")));
            using var admin = await host.ClientAsync(GatewayRoles.Admin);
            using var before = await admin.PostAsJsonAsync("/v1/counter-devices", new { partyGln = CounterScenario.Pharmacy });
            var old = await before.Content.ReadFromJsonAsync<JsonElement>();

            // As after losing the Data Protection key ring: the stored key no longer decrypts.
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(host.Directory, "counter-devices.db")}"))
            {
                await connection.OpenAsync();
                await using var corrupt = connection.CreateCommand();
                corrupt.CommandText = "UPDATE counter_devices SET protected_private_key = x'0001020304';";
                Assert.Equal(1, await corrupt.ExecuteNonQueryAsync());
            }

            var refused = await browser.ScanAsync(CounterScenario.Scan(1), "undo");
            Assert.Equal("device_key_unusable", CounterBrowser.Verdict(refused));
            Assert.Contains("POST /v1/counter-devices", refused, StringComparison.Ordinal);

            using var renewed = await admin.PostAsJsonAsync("/v1/counter-devices", new { partyGln = CounterScenario.Pharmacy });
            Assert.Equal(HttpStatusCode.Created, renewed.StatusCode);
            var device = await renewed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.NotEqual(old.GetProperty("keyId").GetString(), device.GetProperty("keyId").GetString());
            Assert.True(device.GetProperty("seq").GetInt64() > old.GetProperty("seq").GetInt64());

            Assert.Equal("undone", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(1), "undo")));
            using var regulator = await host.ClientAsync(GatewayRoles.Regulator);
            var history = await regulator.GetFromJsonAsync<JsonElement>(new Uri($"/v1/packs/{CounterScenario.Identifier(1)}/history", UriKind.Relative));
            using var newest = JsonDocument.Parse(history.GetProperty("entries")[0].GetProperty("entry").GetString()!);
            Assert.Equal(device.GetProperty("keyId").GetString(), newest.RootElement.GetProperty("keyId").GetString());
        }
    }

    [Fact]
    public async Task CounterDevice_ByAdminAction_BeforeFirstUse_IsRegisteredOnce()
    {
        await using var host = await GatewayHost.StartAsync(LedgerMode.Embedded);
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        await CounterScenario.SeedAsync(admin, manufacturer);
        using var first = await admin.PostAsJsonAsync("/v1/counter-devices", new { partyGln = CounterScenario.Pharmacy });
        using var second = await admin.PostAsJsonAsync("/v1/counter-devices", new { partyGln = CounterScenario.Pharmacy });
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("seq").GetInt64(), b.GetProperty("seq").GetInt64());
        Assert.Equal(a.GetProperty("keyId").GetString(), b.GetProperty("keyId").GetString());

        using var unknownParty = await admin.PostAsJsonAsync("/v1/counter-devices", new { partyGln = TestData.Gln(99) });
        await Problems.AssertProblemAsync(unknownParty, HttpStatusCode.BadRequest);
        using var badGln = await admin.PostAsJsonAsync("/v1/counter-devices", new { partyGln = "123" });
        await Problems.AssertProblemAsync(badGln, HttpStatusCode.BadRequest);
    }
}
