using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using TraceChain.Protocol.Diagnosis;
using TraceGateway.Counter;

namespace TraceGateway.Web;

/// <summary>
/// The pharmacy counter page and its sign-in form, rendered on the server: plain form posts, every dynamic value
/// HTML-encoded, large verdict text with a colour plus words, readable on a phone or tablet. The only script keeps
/// the keyboard focus in the scan field (the page works without it); the Content-Security-Policy allows exactly it.
/// </summary>
public static class CounterPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;padding:1rem;max-width:48rem;margin-inline:auto;line-height:1.45;color:#111;background:#fff}
        h1{font-size:1.4rem;margin:.2rem 0}header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
        .verdict{border-radius:.6rem;padding:1rem;margin:1rem 0;color:#fff}.verdict strong{display:block;font-size:2.2rem;line-height:1.15}
        .ok{background:#0a6b2d}.warn{background:#8a4b00}.stop{background:#a30d0d}.info{background:#23408e}
        .setup{background:#fff;color:#111;border-radius:.4rem;padding:.5rem .8rem;margin-top:.6rem}
        label{display:block;font-weight:600;margin-top:.6rem}input,select{font-size:1.3rem;padding:.55rem;width:100%;box-sizing:border-box}
        .buttons{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.6rem}button{font-size:1.2rem;padding:.7rem 1.2rem;min-width:8rem}
        #verify{font-weight:700}.error{background:#fde8e8;color:#7a0000;padding:.6rem;border-radius:.4rem}
        ol{padding-left:1.2rem}li{margin:.3rem 0}.tag{display:inline-block;padding:0 .4rem;border-radius:.3rem;color:#fff}
        code{word-break:break-all}small{color:#444}.setup li,.verdict p{overflow-wrap:anywhere}
        """;

    private const string Script = "(function(){var f=document.getElementById('scan');if(!f)return;f.focus();document.addEventListener('click',function(e){if(!e.target.closest('input,select,button,a,form#gs-form')){f.focus();}});})();";

    /// <summary>The Content-Security-Policy of these pages: nothing but their own style, script and form posts, never framed.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(Script)}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The counter page.</summary>
    public static string Render(CounterText text, CounterView view)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(view);
        var h = Html;
        var lang = "?lang=" + Uri.EscapeDataString(text.Lang);
        var html = Head(text, text.Title, "/counter?lang=" + Uri.EscapeDataString(text.SwitchLang));
        html.Append(CultureInfo.InvariantCulture, $"""
            <header><h1>{h.Encode(text.Title)}</h1>
            <form method="post" action="/counter/logout{lang}" id="logout-form"><small>{h.Encode(text.SignedInAs)} <span id="party">{h.Encode(view.PartyGln)}</span></small> {Token(view.Antiforgery)}<button type="submit" id="logout">{h.Encode(text.SignOut)}</button></form></header>
            """);
        Error(html, text, view.Error);
        if (view.Scans.Count > 0)
        {
            Verdict(html, text, view.Scans[0]);
        }

        // The first submit button is the form's default: Enter from the wedge scanner verifies.
        html.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/counter/scan{lang}" id="scan-form">
            <label for="scan">{h.Encode(text.ScanLabel)}</label>
            <input id="scan" name="scan" autofocus autocomplete="off" autocapitalize="off" autocorrect="off" spellcheck="false" maxlength="1024" enterkeyhint="go">
            {Token(view.Antiforgery)}
            <div class="buttons"><button type="submit" name="action" value="verify" id="verify">{h.Encode(text.Actions["verify"])}</button>
            <button type="submit" name="action" value="dispense" id="dispense">{h.Encode(text.Actions["dispense"])}</button>
            <button type="submit" name="action" value="undo" id="undo">{h.Encode(text.Actions["undo"])}</button></div>
            </form>
            <form method="post" action="/counter/settings{lang}" id="gs-form">
            <label for="gs">{h.Encode(text.GsLabel)}</label><select id="gs" name="gs">
            """);
        foreach (var choice in GsSubstitutes.All)
        {
            var selected = choice == view.GsSubstitute ? " selected" : "";
            html.Append(CultureInfo.InvariantCulture, $"""<option value="{h.Encode(choice)}"{selected}>{h.Encode(choice.Length == 0 ? text.GsNone : choice)}</option>""");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </select>{Token(view.Antiforgery)}<div class="buttons"><button type="submit" id="save-gs">{h.Encode(text.Save)}</button></div></form>
            <h2>{h.Encode(text.History)}</h2>
            """);
        History(html, text, view.Scans);
        html.Append(CultureInfo.InvariantCulture, $"<script>{Script}</script></body></html>");
        return html.ToString();
    }

    /// <summary>The sign-in form; <paramref name="error"/> is an <see cref="CounterText.Errors"/> key.</summary>
    public static string RenderLogin(CounterText text, string? error, (string Field, string Token) antiforgery)
    {
        ArgumentNullException.ThrowIfNull(text);
        var h = Html;
        var html = Head(text, text.LoginTitle, "/counter/login?lang=" + Uri.EscapeDataString(text.SwitchLang));
        html.Append(CultureInfo.InvariantCulture, $"<h1>{h.Encode(text.LoginTitle)}</h1>");
        Error(html, text, error);
        html.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/counter/login?lang={Uri.EscapeDataString(text.Lang)}" id="login-form"><p>{h.Encode(text.LoginPrompt)}</p>
            <label for="apikey">{h.Encode(text.KeyLabel)}</label>
            <input id="apikey" name="apikey" type="password" autocomplete="off" autofocus maxlength="256" required>
            {Token(antiforgery)}
            <div class="buttons"><button type="submit" id="sign-in">{h.Encode(text.SignIn)}</button></div></form>
            </body></html>
            """);
        return html.ToString();
    }

    private static StringBuilder Head(CounterText text, string title, string switchUrl)
    {
        var h = Html;
        var html = new StringBuilder(8192);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{h.Encode(text.Lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{h.Encode(title)}</title><style>{Style}</style></head><body>
            <a class="lang" id="switch" href="{h.Encode(switchUrl)}" hreflang="{h.Encode(text.SwitchLang)}">{h.Encode(text.Switch)}</a>
            """);
        return html;
    }

    private static void Error(StringBuilder html, CounterText text, string? error)
    {
        if (error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="error" id="error" role="alert" data-error="{Html.Encode(error)}">{Html.Encode(text.Errors.GetValueOrDefault(error, error))}</p>""");
        }
    }

    private static void Verdict(StringBuilder html, CounterText text, CounterOutcome outcome)
    {
        var h = Html;
        var (headline, advice) = text.Outcome(outcome.Code);
        html.Append(CultureInfo.InvariantCulture, $"""
            <div class="verdict {CounterText.Tone(outcome.Code)}" id="verdict" data-verdict="{h.Encode(outcome.Code)}" data-action="{h.Encode(outcome.Action)}" role="status" aria-live="polite">
            <strong>{h.Encode(headline)}</strong><p>{h.Encode(advice)}</p>
            """);
        if (outcome.EmvsCode is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p>EMVS <span id="emvs">{h.Encode(outcome.EmvsCode)}</span></p>""");
        }

        if (outcome.Detail is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p id="detail" lang="en">{h.Encode(outcome.Detail)}</p>""");
        }

        html.Append(CultureInfo.InvariantCulture, $"""<p><code id="read">{h.Encode(outcome.Identifier ?? outcome.Scan)}</code></p>""");
        if (outcome.Findings.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="setup" id="setup"><b>{h.Encode(text.SetupTitle)}</b><ul>""");
            foreach (var finding in outcome.Findings)
            {
                var (message, fix) = text.Finding(finding);
                html.Append(CultureInfo.InvariantCulture, $"""<li data-finding="{h.Encode(finding.Code.ToString())}">{h.Encode(message)} <b>{h.Encode(fix)}</b></li>""");
            }

            html.Append("</ul>");
            if (outcome.Findings.Any(f => f.Code is ScanFindingCode.SeparatorsDropped or ScanFindingCode.SeparatorSubstituted))
            {
                html.Append(CultureInfo.InvariantCulture, $"""<p id="gs-hint">{h.Encode(text.GsHint)}</p>""");
            }

            if (outcome.Findings[0].Repaired is { Success: true } repaired)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<p>{h.Encode(text.ProbablyMeant)}: <code id="repaired">{h.Encode(repaired.HumanReadable)}</code></p>""");
            }

            html.Append("</div>");
        }

        html.Append("</div>");
    }

    private static void History(StringBuilder html, CounterText text, IReadOnlyList<CounterOutcome> scans)
    {
        var h = Html;
        if (scans.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p id="history-empty">{h.Encode(text.NoScans)}</p>""");
            return;
        }

        html.Append("""<ol id="history">""");
        foreach (var scan in scans)
        {
            var (headline, _) = text.Outcome(scan.Code);
            html.Append(CultureInfo.InvariantCulture, $"""
                <li data-verdict="{h.Encode(scan.Code)}" data-action="{h.Encode(scan.Action)}"><small>{scan.At.UtcDateTime:HH:mm:ss} UTC · {h.Encode(text.Actions[scan.Action])}</small>
                <span class="tag {CounterText.Tone(scan.Code)}">{h.Encode(headline)}</span> <code>{h.Encode(scan.Identifier ?? scan.Scan)}</code></li>
                """);
        }

        html.Append("</ol>");
    }

    private static string Token((string Field, string Token) antiforgery) =>
        $"""<input type="hidden" name="{Html.Encode(antiforgery.Field)}" value="{Html.Encode(antiforgery.Token)}">""";

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
