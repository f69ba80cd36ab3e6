using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TraceChain.Imaging;
using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Hops;
using TraceGateway.Features.GetBatchLabels;
using TraceGateway.Security;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Labels;

/// <summary>
/// GET /v1/batches/{gtin}/{batch}/labels: the labels decode back to exactly the commissioned packs, pages cover the
/// batch once, and only the owning manufacturer gets them. Run once per ledger mode by the derived classes.
/// </summary>
public abstract class BatchLabelTests(LedgerMode mode) : IAsyncLifetime
{
    public const string DigitalLinkBase = "https://id.pharma.test/dl";
    private const string Lot = "LOT/7";
    private const string Expiry = "271200";
    private static readonly string Gtin = TestData.Gtin(50);
    private GatewayHost host = null!;
    private HashSet<string> commissioned = [];

    private static string LabelsUrl(string query) => $"/v1/batches/{Gtin}/{Uri.EscapeDataString(Lot)}/labels?{query}";

    public async Task InitializeAsync()
    {
        host = await GatewayHost.StartAsync(mode, new Dictionary<string, string?> { ["DigitalLink:BaseUri"] = DigitalLinkBase }, services => services.AddTransient<IStartupFilter, ProxyPrefixStripper>());
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        await TestData.RegisterManufacturerAsync(admin);
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        using var response = await manufacturer.PostAsJsonAsync("/v1/batches", new
        {
            gtin = Gtin,
            lot = Lot,
            expiry = Expiry,
            product = new { name = "Amoxicillin", strength = "500 mg", form = "capsule", packSize = 20 },
            count = 7,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        commissioned = [.. body.GetProperty("packs").EnumerateArray().Select(p => p.GetProperty("identifier").GetString()!)];
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("datamatrix", "]d2")]
    [InlineData("gs1qr", "]Q3")]
    [InlineData("digitallink", "]Q1")]
    public async Task Png_Zip_DecodesBackToExactlyTheCommissionedPacks(string symbology, string aim)
    {
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        using var response = await manufacturer.GetAsync(new Uri(LabelsUrl($"symbology={symbology}&format=png"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var reader = new BarcodeReader();
        var decoded = new List<string>();
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".png", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            var code = Assert.Single(reader.Decode(bytes.ToArray()));
            Assert.Equal(aim, code.SymbologyIdentifier);
            decoded.Add(symbology == "digitallink" ? FromDigitalLink(code.Text) : FromGs1(code.SymbologyIdentifier + code.Text));
        }

        Assert.Equal(commissioned.Order(StringComparer.Ordinal), decoded.Order(StringComparer.Ordinal));
        var manifest = zip.GetEntry("labels.csv");
        Assert.NotNull(manifest);
        using var csv = new StreamReader(manifest.Open());
        var lines = (await csv.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file,position,gtin,batch,expiry,serial,code", lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains($",{Gtin},{Lot},{Expiry},", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChinaCodeBatch_GetsPlainQrCodesOfItsCodes()
    {
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        string[] codes = ["81234567890123450001", "81234567890123450002"];
        await TestData.CommissionAsync(manufacturer, TestData.Gtin(51), "291231", [], chinaCodes: codes);

        using var response = await manufacturer.GetAsync(new Uri($"/v1/batches/{TestData.Gtin(51)}/B1/labels?symbology=datamatrix&format=png", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var reader = new BarcodeReader();
        var decoded = new List<string>();
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".png", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            var code = Assert.Single(reader.Decode(bytes.ToArray()));
            Assert.Equal("]Q1", code.SymbologyIdentifier);
            decoded.Add(code.Text);
        }

        Assert.Equal(codes, decoded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LinkNext_BehindAProxyServingTheGatewayUnderAPathPrefixItStrips_StaysUnderThePrefix()
    {
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        manufacturer.BaseAddress = new Uri(manufacturer.BaseAddress!, ProxyPrefixStripper.Prefix + "/");
        using var first = await manufacturer.GetAsync(new Uri(LabelsUrl("format=svg&pageSize=3").TrimStart('/'), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var next = NextLink(first)!;
        Assert.StartsWith(new Uri(manufacturer.BaseAddress, "v1/batches/").AbsoluteUri, next.AbsoluteUri, StringComparison.Ordinal);
        using var second = await manufacturer.GetAsync(next);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("4", second.Headers.GetValues("X-First-Label").Single());
    }

    [Fact]
    public async Task Svg_FollowingLinkNext_CoversTheBatchOnceInOrderWithHumanReadableText()
    {
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        var serials = new List<string>();
        var titles = new List<string>();
        Uri? next = new(LabelsUrl("symbology=datamatrix&format=svg&pageSize=3&columns=3"), UriKind.Relative);
        var pages = 0;
        while (next is not null && pages < 10)
        {
            using var response = await manufacturer.GetAsync(next);
            pages++;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("7", response.Headers.GetValues("X-Total-Count").Single());
            Assert.Equal(((pages - 1) * 3) + 1, int.Parse(response.Headers.GetValues("X-First-Label").Single(), CultureInfo.InvariantCulture));
            next = NextLink(response);
            Assert.Equal(pages < 3, next is not null);
            if (next is not null)
            {
                Assert.Contains("pageSize=3", next.OriginalString, StringComparison.Ordinal);
                Assert.Contains("after=", next.OriginalString, StringComparison.Ordinal);
            }

            var sheet = XDocument.Parse(await response.Content.ReadAsStringAsync());
            XNamespace svg = "http://www.w3.org/2000/svg";
            titles.AddRange(sheet.Root!.Elements(svg + "text").Select(t => t.Value));
            var labels = sheet.Root!.Elements(svg + "svg").ToList();
            Assert.Equal(pages < 3 ? 3 : 1, labels.Count);
            Assert.Equal(labels.Count, int.Parse(response.Headers.GetValues("X-Label-Count").Single(), CultureInfo.InvariantCulture));
            foreach (var label in labels)
            {
                var text = label.Elements(svg + "text").Select(t => t.Value).ToList();
                Assert.Equal($"(01){Gtin}", text[0]);
                Assert.Equal($"(17){Expiry}", text[1]);
                Assert.Equal($"(10){Lot}", text[2]);
                Assert.StartsWith("(21)", text[3], StringComparison.Ordinal);
                serials.Add(PackIdentifier.ForGtinSerial(Gtin, text[3][4..]));
                Assert.NotEmpty(label.Elements(svg + "path"));
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(commissioned.Order(StringComparer.Ordinal), serials);
        Assert.Contains(titles, t => t.Contains("labels 7-7 of 7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Png_PagesByCursor_NumberTheManifestAcrossTheBatch()
    {
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        var positions = new List<string>();
        Uri? next = new(LabelsUrl("format=png&pageSize=4"), UriKind.Relative);
        while (next is not null && positions.Count < 20)
        {
            using var response = await manufacturer.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            next = NextLink(response);
            using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
            using var csv = new StreamReader(zip.GetEntry("labels.csv")!.Open());
            positions.AddRange((await csv.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[1]));
        }

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], positions);
    }

    [Fact]
    public async Task ForgedCursor_Is400NamingAfter_AndCursorOfAnotherBatch_IsRefused()
    {
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        using var garbage = await manufacturer.GetAsync(new Uri(LabelsUrl("after=not-a-cursor"), UriKind.Relative));
        var problem = await Problems.AssertProblemAsync(garbage, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("after", out _), problem.ToString());

        var foreign = new LabelCursor(1, 7, PackIdentifier.ForGtinSerial(Gtin, "NOTINBATCH1")).ToString();
        using var other = await manufacturer.GetAsync(new Uri(LabelsUrl($"after={foreign}"), UriKind.Relative));
        problem = await Problems.AssertProblemAsync(other, HttpStatusCode.BadRequest);
        Assert.Contains("is not a pack of batch", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageNumber_Is400PointingToTheCursor_And_UnknownBatch_Is404()
    {
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        using var paged = await manufacturer.GetAsync(new Uri(LabelsUrl("pageSize=4&page=2"), UriKind.Relative));
        var problem = await Problems.AssertProblemAsync(paged, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _), problem.ToString());
        using var unknown = await manufacturer.GetAsync(new Uri($"/v1/batches/{Gtin}/NOPE/labels", UriKind.Relative));
        problem = await Problems.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Contains("NOPE", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignManufacturer_Is403()
    {
        var key = await host.Services.GetRequiredService<GatewayKeys>().CreateAsync(new ApiKeyOwner(GatewayRoles.Manufacturer, TestData.Gln(77)), CancellationToken.None);
        using var other = host.Anonymous();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        using var response = await other.GetAsync(new Uri(LabelsUrl("format=png"), UriKind.Relative));
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("another manufacturer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("symbology=ean13", "symbology")]
    [InlineData("format=pdf", "format")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1001", "pageSize")]
    [InlineData("after=MTox", "after")]
    [InlineData("columns=21", "columns")]
    public async Task InvalidQuery_Is400NamingTheField(string query, string field)
    {
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        using var response = await manufacturer.GetAsync(new Uri(LabelsUrl(query), UriKind.Relative));
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task InvalidGtin_Is400()
    {
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        using var response = await manufacturer.GetAsync(new Uri("/v1/batches/04006380000422/B1/labels", UriKind.Relative));
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("gtin", out _));
    }

    [Fact]
    public async Task OpenApi_DocumentsTheLabelsEndpoint()
    {
        using var client = host.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/batches/{gtin}/{batch}/labels", out var path));
        Assert.True(path.GetProperty("get").GetProperty("responses").TryGetProperty("403", out _));
    }

    /// <summary>A reverse proxy's part: requests under <see cref="Prefix"/> reach the gateway without it (and without a PathBase).</summary>
    private sealed class ProxyPrefixStripper : IStartupFilter
    {
        public const string Prefix = "/shop/tracechain";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Path.StartsWithSegments(Prefix, out var rest))
                {
                    context.Request.Path = rest;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static Uri? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        var link = values.Single();
        Assert.EndsWith(">; rel=\"next\"", link, StringComparison.Ordinal);
        return new Uri(response.RequestMessage!.RequestUri!, link[1..link.IndexOf('>', StringComparison.Ordinal)]);
    }

    private static string FromGs1(string scan)
    {
        var parsed = Gs1Parser.Parse(scan);
        Assert.True(parsed.Success, scan);
        Assert.Equal(Lot, parsed.GetValue("10"));
        Assert.Equal(Expiry, parsed.GetValue("17"));
        return PackIdentifier.ForGtinSerial(parsed.GetValue("01")!, parsed.GetValue("21")!);
    }

    private static string FromDigitalLink(string uri)
    {
        Assert.StartsWith(DigitalLinkBase + "/01/", uri, StringComparison.Ordinal);
        var link = DigitalLinkUri.Parse(uri);
        Assert.Equal(Lot, link.GetValue("10"));
        Assert.Equal(Expiry, link.GetValue("17"));
        return PackIdentifier.ForGtinSerial(link.GetValue("01")!, link.GetValue("21")!);
    }
}
