using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Web;

/// <summary>The consumer page in a real headless browser (Debian chromium), against the gateway on Kestrel.</summary>
public sealed class ConsumerPageBrowserTests : IAsyncLifetime
{
    private KestrelGateway gateway = null!;

    public async Task InitializeAsync()
    {
        gateway = await KestrelGateway.StartAsync();
        using var admin = await gateway.ClientAsync(TraceGateway.Security.GatewayRoles.Admin);
        using var manufacturer = await gateway.ClientAsync(TraceGateway.Security.GatewayRoles.Manufacturer);
        await ConsumerScenario.SeedAsync(admin, manufacturer);
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Theory]
    [InlineData("en-US", "GENUINE1", "genuine", "Genuine", "中文")]
    [InlineData("zh-CN", "GENUINE1", "genuine", "正品", "English")]
    [InlineData("en-US", "FAKE0001", "unknown_serial", "Unknown — possible counterfeit", "中文")]
    [InlineData("zh-CN", "FAKE0001", "unknown_serial", "未知——可能是假药", "English")]
    public async Task ScannedQr_ShowsTheVerdictInTheBrowserLanguage(string language, string serial, string verdict, string headline, string switchText)
    {
        Assert.True(File.Exists(HeadlessChromium.Executable), "Debian chromium is required for the page test (apt-get install chromium)");
        var dom = await HeadlessChromium.DumpDomAsync(new Uri(gateway.Address, $"/01/{ConsumerScenario.Gtin}/10/B1/21/{serial}?17=301231"), language);

        Assert.Contains($"data-verdict=\"{verdict}\"", dom, StringComparison.Ordinal);
        Assert.Contains($"<strong>{headline}</strong>", dom, StringComparison.Ordinal);
        Assert.Contains($">{switchText}</a>", dom, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", dom, StringComparison.Ordinal);
    }
}
