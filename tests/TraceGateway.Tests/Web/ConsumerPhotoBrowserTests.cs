using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Web;

/// <summary>The photo upload form in a real headless browser (Debian chromium) against the gateway on Kestrel.</summary>
public sealed class ConsumerPhotoBrowserTests : IAsyncLifetime
{
    private KestrelGateway gateway = null!;

    public async Task InitializeAsync() => gateway = await KestrelGateway.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    // One browser run (Chinese, the harder text); the English form is checked over HTTP in ConsumerPhotoTests.
    [Fact]
    public async Task VerifyPage_RendersTheCameraUploadForm()
    {
        const string language = "zh-CN", heading = "或拍摄包装上的追溯码", button = "识别照片", lang = "zh-CN";
        Assert.True(File.Exists(HeadlessChromium.Executable), "Debian chromium is required for the page test (apt-get install chromium)");
        var dom = await HeadlessChromium.DumpDomAsync(new Uri(gateway.Address, "/verify"), language);

        Assert.Contains($"<form method=\"post\" action=\"/verify/photo?lang={lang}\" enctype=\"multipart/form-data\" id=\"photo-form\">", dom, StringComparison.Ordinal);
        Assert.Contains("<input id=\"photo\" name=\"photo\" type=\"file\" accept=\"image/*\" capture=\"environment\" required=\"\">", dom, StringComparison.Ordinal);
        Assert.Contains(heading, dom, StringComparison.Ordinal);
        Assert.Contains($"<button type=\"submit\">{button}</button>", dom, StringComparison.Ordinal);
    }
}
