using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TraceChain.Imaging;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Hops;
using TraceGateway.Security;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Labels;

/// <summary>The SVG sheet rasterised by a real renderer (headless chromium) still scans: every label decodes to its pack.</summary>
public sealed class LabelSheetBrowserTests : IAsyncLifetime
{
    private GatewayHost host = null!;

    public async Task InitializeAsync() => host = await GatewayHost.StartAsync(LedgerMode.Embedded);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task SvgSheet_RenderedByChromium_DecodesToEveryPackOnIt()
    {
        Assert.True(File.Exists(HeadlessChromium.Executable), "Debian chromium is required for the sheet test (apt-get install chromium)");
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        await TestData.RegisterManufacturerAsync(admin);
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        var gtin = TestData.Gtin(60);
        var commissioned = (await TestData.CommissionAsync(manufacturer, gtin, "291231", ["SHEET1", "SHEET2", "SHEET3", "SHEET4"]))
            .GetProperty("packs").EnumerateArray().Select(p => p.GetProperty("identifier").GetString()!).Order(StringComparer.Ordinal).ToList();

        var svg = await manufacturer.GetStringAsync(new Uri($"/v1/batches/{gtin}/B1/labels?symbology=datamatrix&format=svg&columns=2", UriKind.Relative));
        var size = Regex.Match(svg, "<svg [^>]*width=\"(?<w>[0-9]+)\" height=\"(?<h>[0-9]+)\"");
        var file = Path.Combine(host.Directory, "sheet.svg");
        await File.WriteAllTextAsync(file, svg);
        var png = await HeadlessScreenshot.CaptureAsync(new Uri(file), int.Parse(size.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(size.Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture));

        var codes = new BarcodeReader().Decode(png);
        var decoded = codes.Select(c => Gs1Parser.Parse(c.SymbologyIdentifier + c.Text))
            .Select(p => PackIdentifier.ForGtinSerial(p.GetValue("01")!, p.GetValue("21")!))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(commissioned, decoded);
    }
}
