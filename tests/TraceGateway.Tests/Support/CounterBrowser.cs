using System.Net;
using System.Text.RegularExpressions;

namespace TraceGateway.Tests.Support;

/// <summary>
/// Drives the counter page with plain form posts like a browser without JavaScript: keeps cookies, reads the
/// antiforgery token from each page, follows the post/redirect/get by hand so each status can be checked.
/// </summary>
public sealed partial class CounterBrowser(HttpClient client, string language = "en") : IDisposable
{
    public HttpClient Client => client;

    /// <summary>GET <paramref name="path"/> in the browser's language.</summary>
    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> GetAsync(string path)
    {
        using var response = await client.GetAsync(new Uri(WithLang(path), UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    /// <summary>Posts the form fields (plus the antiforgery token of the page at <paramref name="tokenFrom"/>, unless null).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom)
    {
        var all = fields.ToList();
        if (tokenFrom is not null)
        {
            var (_, html, _) = await GetAsync(tokenFrom);
            var match = TokenField().Match(html);
            Assert.True(match.Success, $"no antiforgery field on {tokenFrom}: {html}");
            all.Add(KeyValuePair.Create(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value)));
        }

        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(WithLang(path), UriKind.Relative), content);
    }

    /// <summary>Signs in with <paramref name="key"/>; returns the answer (303 to /counter on success).</summary>
    public Task<HttpResponseMessage> SignInAsync(string key) => PostAsync("/counter/login", [KeyValuePair.Create("apikey", key)], "/counter/login");

    /// <summary>Scans with the button <paramref name="action"/> and returns the page shown after the redirect.</summary>
    public async Task<string> ScanAsync(string scan, string action = "verify")
    {
        using var response = await PostAsync("/counter/scan", [KeyValuePair.Create("scan", scan), KeyValuePair.Create("action", action)], "/counter");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var (status, html, _) = await GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        return html;
    }

    /// <summary>Sets what the scanner types for GS.</summary>
    public async Task SetGsAsync(string substitute)
    {
        using var response = await PostAsync("/counter/settings", [KeyValuePair.Create("gs", substitute)], "/counter");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    /// <summary>The big verdict's code on a page.</summary>
    public static string Verdict(string html)
    {
        var match = VerdictCode().Match(html);
        Assert.True(match.Success, "no verdict on the page: " + html);
        return match.Groups[1].Value;
    }

    /// <summary>The verdict codes of the "last scans" list, newest first.</summary>
    public static string[] History(string html) => [.. HistoryCode().Matches(html).Select(m => m.Groups[1].Value)];

    public void Dispose() => client.Dispose();

    private string WithLang(string path) => path.Contains("lang=", StringComparison.Ordinal) ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + language;

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex TokenField();

    [GeneratedRegex("id=\"verdict\" data-verdict=\"([a-z_]+)\"")]
    private static partial Regex VerdictCode();

    [GeneratedRegex("<li data-verdict=\"([a-z_]+)\"")]
    private static partial Regex HistoryCode();
}
