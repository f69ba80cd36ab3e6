using Microsoft.Playwright;
using TraceGateway.Security;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Web;

/// <summary>
/// The counter page in headless Debian chromium (Playwright), against the gateway on Kestrel: the pharmacist signs in,
/// then a keyboard-wedge scanner types each code into the focused field and ends it with Enter.
/// </summary>
public sealed class CounterPageBrowserTests(PlaywrightChromium chromium) : IClassFixture<PlaywrightChromium>, IAsyncLifetime
{
    private KestrelGateway gateway = null!;

    public async Task InitializeAsync()
    {
        gateway = await KestrelGateway.StartAsync();
        using var admin = await gateway.ClientAsync(GatewayRoles.Admin);
        using var manufacturer = await gateway.ClientAsync(GatewayRoles.Manufacturer);
        await CounterScenario.SeedAsync(admin, manufacturer);
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Theory]
    [InlineData("en-US", "Genuine", "Dispensed", "Already dispensed", "Unknown — possible counterfeit", "Scan not readable")]
    [InlineData("zh-CN", "正品", "已售出", "已售出过", "未知——可能是假药", "无法识别扫描结果")]
    public async Task WedgeScans_VerifyDispenseVerify_AndACounterfeit(string locale, string genuine, string dispensed, string already, string counterfeit, string unreadable)
    {
        var page = await chromium.NewPageAsync(locale);
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text); // e.g. a Content-Security-Policy violation
            }
        };
        try
        {
            await page.GotoAsync(new Uri(gateway.Address, "/counter").ToString());
            Assert.Contains("/counter/login", page.Url, StringComparison.Ordinal);
            await FocusOn(page, "apikey"); // the key field has autofocus
            await page.Keyboard.TypeAsync(await gateway.KeyAsync(GatewayRoles.Pharmacy, CounterScenario.Pharmacy));
            await Submit(page, () => page.Keyboard.PressAsync("Enter"));
            Assert.Equal(locale == "zh-CN" ? "zh-CN" : "en", await page.GetAttributeAsync("html", "lang"));
            await FocusOn(page, "scan");

            // The scanner is set to type '~' for GS: pick it on the page.
            await page.SelectOptionAsync("#gs", "~");
            await Submit(page, () => page.ClickAsync("#save-gs"));
            await FocusOn(page, "scan");

            var scan = CounterScenario.Scan(8, gs: "~");
            await Wedge(page, scan);
            await AssertVerdict(page, "genuine", genuine);

            await FocusOn(page, "scan");
            await page.Keyboard.TypeAsync(scan);
            await Submit(page, () => page.ClickAsync("#dispense"));
            await AssertVerdict(page, "dispensed", dispensed);

            await Wedge(page, scan);
            await AssertVerdict(page, "already_dispensed", already);
            Assert.Equal("A7", await page.TextContentAsync("#emvs"));

            await Wedge(page, CounterScenario.Scan(8, gs: "~").Replace("PACK8", "FAKE8", StringComparison.Ordinal));
            await AssertVerdict(page, "unknown_serial", counterfeit);
            Assert.Equal("A3", await page.TextContentAsync("#emvs"));

            // The same scanner with GS dropped: the page says how to fix the scanner and records nothing.
            await Wedge(page, CounterScenario.Scan(9, gs: ""));
            await AssertVerdict(page, "unreadable", unreadable);
            Assert.Equal("SeparatorsDropped", await page.GetAttributeAsync("#setup li", "data-finding"));

            var history = await page.Locator("#history li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.verdict)");
            Assert.Equal(["unreadable", "unknown_serial", "already_dispensed", "dispensed", "genuine"], history);

            Assert.Empty(consoleErrors);
            await Submit(page, () => page.ClickAsync("#logout"));
            Assert.Contains("/counter/login", page.Url, StringComparison.Ordinal);
            await page.GotoAsync(new Uri(gateway.Address, "/counter").ToString());
            Assert.Contains("/counter/login", page.Url, StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>What a keyboard-wedge scanner does: types the code into the focused field, then Enter.</summary>
    private static async Task Wedge(IPage page, string scan)
    {
        await FocusOn(page, "scan");
        await page.Keyboard.TypeAsync(scan);
        await Submit(page, () => page.Keyboard.PressAsync("Enter"));
    }

    /// <summary>
    /// Waits until the element with <paramref name="id"/> has the focus. Chromium applies <c>autofocus</c> at a rendering
    /// update that may come after the load event, and keys typed before it are lost.
    /// </summary>
    private static async Task FocusOn(IPage page, string id) =>
        await page.WaitForFunctionAsync("id => document.activeElement?.id === id", id, new PageWaitForFunctionOptions { Timeout = 10_000 });

    /// <summary>Runs <paramref name="action"/> and waits until the page it submits to (post, then redirect) has loaded.</summary>
    private static async Task Submit(IPage page, Func<Task> action)
    {
        // The load event of the new document: the old page's state cannot be mistaken for the answer.
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage e) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await action();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.Load -= OnLoad;
        }

        Assert.DoesNotContain("data-error=", await page.ContentAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertVerdict(IPage page, string code, string headline)
    {
        Assert.Equal(code, await page.GetAttributeAsync("#verdict", "data-verdict"));
        Assert.Equal(headline, await page.TextContentAsync("#verdict strong"));
    }
}
