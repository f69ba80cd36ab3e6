using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Web;

/// <summary>The consumer checks as JSON and HTML, in both ledger modes' shared embedded host.</summary>
public sealed class ConsumerEndpointTests : IAsyncLifetime
{
    private GatewayHost host = null!;
    private string[] scratch = null!;

    public async Task InitializeAsync()
    {
        host = await GatewayHost.StartAsync(LedgerMode.Embedded);
        scratch = await ConsumerScenario.SeedAsync(host);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("GENUINE2", "/10/B1", "?17=301231", "genuine")]
    [InlineData("GENUINE2", "", "", "genuine")]
    [InlineData("GENUINE2", "/10/B9", "?17=301231", "batch_mismatch")]
    [InlineData("NEVERMADE", "/10/B1", "?17=301231", "unknown_serial")]
    public async Task DigitalLink_Json_GivesTheVerdict(string serial, string batch, string query, string verdict)
    {
        var body = await GetJsonAsync($"/01/{ConsumerScenario.Gtin}{batch}/21/{serial}{query}");
        Assert.Equal(verdict, body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task DigitalLink_ExpiredBatch_IsExpired()
    {
        var body = await GetJsonAsync($"/01/{ConsumerScenario.ExpiredGtin}/10/B1/21/EXPIRED1?17=200131");
        Assert.Equal("expired", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task DigitalLink_Json_LeaksNoPartnerData()
    {
        var text = (await GetJsonAsync($"/01/{ConsumerScenario.Gtin}/10/B1/21/GENUINE2")).ToString();
        Assert.DoesNotContain(TestData.Gln(1), text, StringComparison.Ordinal);
        Assert.Contains("Amoxicillin", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Use by")]
    [InlineData("zh-CN", "有效期至")]
    public async Task DigitalLink_Html_ShowsTheExpiryAsADate(string language, string label)
    {
        var html = await GetHtmlAsync($"/01/{ConsumerScenario.Gtin}/10/B1/21/GENUINE2?17=301231", language);
        Assert.Contains(label, html, StringComparison.Ordinal);
        Assert.Contains("2030-12-31", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">301231<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScratchCode_IsASecondFactor_FirstValidThenReverifiedAndWrongIsNamed()
    {
        var link = $"/01/{ConsumerScenario.Gtin}/10/B1/21/GENUINE1";
        Assert.Equal("valid", (await GetJsonAsync($"/verify?code={Uri.EscapeDataString("https://id.example" + link)}&scratch={scratch[0]}")).GetProperty("scratch").GetString());
        Assert.Equal("reverified", (await GetJsonAsync($"/verify?scratch={scratch[0]}")).GetProperty("scratch").GetString());
        var html = await GetHtmlAsync($"/verify?code={Uri.EscapeDataString("https://id.example" + link)}&scratch={scratch[1]}", "en");
        Assert.Contains("data-scratch=\"wrong\"", html[html.IndexOf("<div class=\"verdict", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/01/04006380000428/21/X", "invalid_code")]
    [InlineData("/01/04006380000429/10/B1", "invalid_code")]
    public async Task DigitalLink_BadCode_IsInvalidCodeNamingTheProblem(string path, string verdict)
    {
        var body = await GetJsonAsync(path);
        Assert.Equal(verdict, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData(ConsumerScenario.ChinaCode, "genuine")]
    [InlineData("8123 4567 8901 2345 6789", "genuine")]
    [InlineData("81234567890123456780", "unknown_serial")]
    [InlineData("8123456789012345678", "invalid_code")]
    public async Task TypedChinaCode_GivesTheVerdict(string code, string verdict)
    {
        var body = await GetJsonAsync($"/verify?code={Uri.EscapeDataString(code)}");
        Assert.Equal(verdict, body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task TypedCode_TooLong_IsValidationProblem()
    {
        using var client = host.Anonymous();
        using var response = await client.GetAsync(new Uri($"/verify?code={new string('1', 2000)}", UriKind.Relative));
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("en-GB,en;q=0.9", "en", "Genuine")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.5", "zh-CN", "正品")]
    [InlineData("fr-FR, zh-TW;q=0.8, en;q=0.5", "zh-CN", "正品")]
    [InlineData("", "en", "Genuine")]
    public async Task Page_FollowsAcceptLanguage(string acceptLanguage, string lang, string headline)
    {
        var html = await GetHtmlAsync($"/01/{ConsumerScenario.Gtin}/10/B1/21/GENUINE2", acceptLanguage);
        Assert.Contains($"<html lang=\"{lang}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{headline}</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Page_SwitchLink_KeepsTheCodeAndFlipsTheLanguage()
    {
        var html = await GetHtmlAsync($"/verify?code={ConsumerScenario.ChinaCode}", "en");
        Assert.Contains($"href=\"/verify?code={ConsumerScenario.ChinaCode}&amp;lang=zh-CN\"", html, StringComparison.Ordinal);
        var chinese = await GetHtmlAsync($"/verify?code={ConsumerScenario.ChinaCode}&lang=zh-CN", "en");
        Assert.Contains("<strong>正品</strong>", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_EncodesWhatTheVisitorTyped()
    {
        var html = await GetHtmlAsync("/verify?code=" + Uri.EscapeDataString("<script>alert(1)</script>"), "en");
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("data-verdict=\"invalid_code\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WithoutCode_IsTheForm()
    {
        var html = await GetHtmlAsync("/verify", "zh-CN");
        Assert.Contains("<form method=\"get\" action=\"/verify\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"verdict\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerPackLimit_StopsProbingOnePackFromManyAddresses()
    {
        await using var limited = await GatewayHost.StartAsync(LedgerMode.Embedded, new Dictionary<string, string?>
        {
            ["RateLimits:ConsumerPerPackPermits"] = "2",
            ["RateLimits:WindowSeconds"] = "3600",
        });
        using var client = limited.Anonymous();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var pack = new Uri($"/01/{ConsumerScenario.Gtin}/21/GENUINE2", UriKind.Relative);
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.GetAsync(pack);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await client.GetAsync(pack);
        await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        using var other = await client.GetAsync(new Uri($"/01/{ConsumerScenario.Gtin}/21/OTHER1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task PerClientLimit_StopsOneAddressScanningManyPacks()
    {
        await using var limited = await GatewayHost.StartAsync(LedgerMode.Embedded, new Dictionary<string, string?>
        {
            ["RateLimits:ConsumerPerClientPermits"] = "3",
            ["RateLimits:WindowSeconds"] = "3600",
        });
        using var client = limited.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync(new Uri($"/verify?code=8123456789012345678{i}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/verify?code=81234567890123456789", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> GetHtmlAsync(string url, string acceptLanguage)
    {
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (acceptLanguage.Length > 0)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
