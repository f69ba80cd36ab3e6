using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TraceChain.Imaging.Labels;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Web;

/// <summary>
/// POST /verify/photo: a photographed label gets the same verdict as its Digital Link; bad photos get a clear
/// message and a fitting status, as a page (en / zh-CN) or as JSON.
/// </summary>
public sealed class ConsumerPhotoTests : IAsyncLifetime
{
    private const int MaxImageBytes = 3 << 20;
    private GatewayHost host = null!;

    private static string Gtin => ConsumerScenario.Gtin;

    public async Task InitializeAsync()
    {
        host = await GatewayHost.StartAsync(LedgerMode.Embedded, new Dictionary<string, string?>
        {
            ["ConsumerPhoto:MaxImageBytes"] = MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DigitalLink:BaseUri"] = "https://id.pharma.test",
        });
        await ConsumerScenario.SeedAsync(host);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Photo_DistortedGenuineLabel_ShowsGenuinePage()
    {
        var (status, body, type) = await UploadAsync(PackPhotos.DataMatrix(Gtin, "301231", "B1", "GENUINE1"), language: "en-GB");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", type);
        Assert.Contains("data-verdict=\"genuine\"", body, StringComparison.Ordinal);
        Assert.Contains("<strong>Genuine</strong>", body, StringComparison.Ordinal);
        Assert.Contains($"<code id=\"photo-code\">(01){Gtin}(17)301231(10)B1(21)GENUINE1</code>", body, StringComparison.Ordinal);
        Assert.Contains("id=\"photo-form\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photo_Counterfeit_SaysPossibleCounterfeitInChinese()
    {
        var (status, body, _) = await UploadAsync(PackPhotos.DataMatrix(Gtin, "301231", "B1", "FAKE0001", seed: 11), language: "zh-CN,zh;q=0.9");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-verdict=\"unknown_serial\"", body, StringComparison.Ordinal);
        Assert.Contains("<strong>未知——可能是假药</strong>", body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photo_Json_GivesTheVerdictWithoutPartnerData()
    {
        var (status, body, type) = await UploadAsync(PackPhotos.DataMatrix(Gtin, "301231", "B1", "GENUINE2", seed: 3), accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("verdict", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("genuine", json.RootElement.GetProperty("verdict").GetProperty("code").GetString());
        Assert.Equal("B1", json.RootElement.GetProperty("verdict").GetProperty("lot").GetString());
        Assert.DoesNotContain(TestData.Gln(1), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photo_PackCodeBesideOtherCodes_PrefersThePackCodeAndSaysSo()
    {
        var photo = PackPhotos.SideBySide(
            Label.QrCode("https://www.pharma.test/leaflet"),
            Label.Gs1DataMatrix($"(01){Gtin}(17)301231(10)B1"),
            Label.Gs1DataMatrix($"(01){Gtin}(17)301231(10)B1(21)GENUINE1"));
        var (status, body, _) = await UploadAsync(photo, accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("genuine", json.RootElement.GetProperty("verdict").GetProperty("code").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("codesFound").GetInt32());
        Assert.Equal(["several_codes"], json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task Photo_DigitalLinkOfAnotherWebsite_IsCheckedHereWithAWarning()
    {
        var photo = PackPhotos.Photo(Label.DigitalLinkQrCode($"https://verify-pharma.example/01/{Gtin}/10/B1/21/GENUINE2?17=301231"), seed: 5);
        var (status, body, _) = await UploadAsync(photo, language: "en");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-verdict=\"genuine\"", body, StringComparison.Ordinal);
        Assert.Contains("data-note=\"other_website\"", body, StringComparison.Ordinal);
        Assert.Contains("another website (verify-pharma.example)", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no_code", HttpStatusCode.UnprocessableEntity, "We could not find a code in this photo")]
    [InlineData("not_a_pack_code", HttpStatusCode.UnprocessableEntity, "is not the pack&#x27;s own code")]
    [InlineData("unreadable_image", HttpStatusCode.UnsupportedMediaType, "Please send a JPEG or PNG picture")]
    [InlineData("image_too_large", HttpStatusCode.RequestEntityTooLarge, "This photo is too large (at most 3 MB)")]
    [InlineData("bomb", HttpStatusCode.RequestEntityTooLarge, "This photo is too large")]
    public async Task Photo_Problem_ShowsAClearMessage(string kind, HttpStatusCode expected, string message)
    {
        var (status, body, type) = await UploadAsync(BadPhoto(kind), language: "en");

        Assert.Equal(expected, status);
        Assert.Equal("text/html", type);
        Assert.Contains($"data-outcome=\"{(kind == "bomb" ? "image_too_large" : kind)}\"", body, StringComparison.Ordinal);
        Assert.Contains(message, body, StringComparison.Ordinal);
        Assert.DoesNotContain("data-verdict", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no_code", "请将手机距离包装10–20厘米")]
    [InlineData("unreadable_image", "请上传JPEG或PNG格式的图片")]
    public async Task Photo_Problem_IsExplainedInChinese(string kind, string message)
    {
        var (_, body, _) = await UploadAsync(BadPhoto(kind), language: "zh-CN");
        Assert.Contains(message, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no_code", 422)]
    [InlineData("unreadable_image", 415)]
    [InlineData("image_too_large", 413)]
    public async Task Photo_Problem_AsJson_IsProblemWithOutcome(string kind, int expected)
    {
        var (status, body, type) = await UploadAsync(BadPhoto(kind), accept: "application/json");

        Assert.Equal(expected, (int)status);
        Assert.Equal("application/problem+json", type);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(kind, json.RootElement.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Photo_OverTheRequestLimit_Is413Problem()
    {
        var (status, body, type) = await UploadAsync(new byte[MaxImageBytes + (2 << 20)], accept: "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("413", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photo_MalformedMultipartBody_AsksForAPhoto_NotTooLarge()
    {
        using var client = host.Anonymous();
        using var content = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.png\"\r\n\r\nabc"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        using var response = await client.PostAsync(new Uri("/verify/photo?lang=en", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose or take a photo of the pack first.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photo_NoFile_AsksForAPhoto()
    {
        using var client = host.Anonymous();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        using var response = await client.PostAsync(new Uri("/verify/photo?lang=en", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose or take a photo of the pack first.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "capture=\"environment\"")]
    [InlineData("zh-CN", "识别照片")]
    public async Task VerifyPage_HasTheUploadForm(string language, string expected)
    {
        using var client = host.Anonymous();
        var page = await client.GetStringAsync(new Uri($"/verify?lang={language}", UriKind.Relative));
        Assert.Contains($"<form method=\"post\" action=\"/verify/photo?lang={language}\" enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Contains("<input id=\"photo\" name=\"photo\" type=\"file\" accept=\"image/*\" capture=\"environment\" required>", page, StringComparison.Ordinal);
        Assert.Contains(expected, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhotoUploads_AreRateLimitedPerAddress()
    {
        await using var limited = await GatewayHost.StartAsync(LedgerMode.Embedded, new Dictionary<string, string?> { ["RateLimits:ConsumerPerClientPermits"] = "2" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await UploadAsync(PackPhotos.Blank(), accept: "application/json", on: limited)).Status);
        }

        Assert.Equal([HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.TooManyRequests], statuses);
    }

    private static byte[] BadPhoto(string kind) => kind switch
    {
        "no_code" => PackPhotos.Blank(),
        "not_a_pack_code" => PackPhotos.Photo(Label.Gs1DataMatrix($"(01){Gtin}(17)301231(10)B1")),
        "unreadable_image" => [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251))],
        "image_too_large" => [.. PackPhotos.Blank(), .. new byte[MaxImageBytes]],
        "bomb" => Bomb(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A small PNG whose header claims 100000 x 100000 pixels: refused before any pixel is inflated.</summary>
    private static byte[] Bomb()
    {
        var png = PackPhotos.Blank();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 100_000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 100_000);
        return png;
    }

    private async Task<(HttpStatusCode Status, string Body, string? Type)> UploadAsync(byte[] photo, string? accept = null, string? language = null, GatewayHost? on = null)
    {
        using var client = (on ?? host).Anonymous();
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "photo", "pack.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/verify/photo", UriKind.Relative)) { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}
