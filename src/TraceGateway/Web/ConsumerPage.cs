using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using TraceChain.Protocol.Gs1;
using TraceLedger.Packs;

namespace TraceGateway.Web;

/// <summary>
/// The consumer page, rendered on the server: no JavaScript, every dynamic value HTML-encoded, large text and a
/// colour plus words for each verdict (never colour alone), readable on a phone.
/// </summary>
public static class ConsumerPage
{
    // All scripts pass through as text (Chinese stays readable in the source); markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;padding:1rem;max-width:40rem;margin-inline:auto;line-height:1.5;color:#111;background:#fff}
        h1{font-size:1.4rem}.verdict{border-radius:.6rem;padding:1rem;margin:1rem 0;color:#fff}
        .verdict strong{display:block;font-size:2rem;line-height:1.2}.ok{background:#0a6b2d}.warn{background:#8a4b00}
        .stop{background:#a30d0d}.info{background:#23408e}
        dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}dt{font-weight:600}
        input{font-size:1.2rem;padding:.5rem;width:100%;box-sizing:border-box}button{font-size:1.2rem;padding:.6rem 1.2rem;margin-top:.5rem}
        .lang{float:right}
        """;

    /// <summary>The page; <paramref name="verdict"/> is null for the empty form; <paramref name="noticeHtml"/> (already encoded) goes above the verdict.</summary>
    public static string Render(ConsumerText text, ConsumerVerdict? verdict, string? typed, string? scratch, string switchUrl, string? noticeHtml = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var h = Html;
        var html = new StringBuilder(4096);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{h.Encode(text.Lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{h.Encode(text.Title)}</title><style>{Style}</style></head><body>
            <a class="lang" id="switch" href="{h.Encode(switchUrl)}" hreflang="{h.Encode(text.SwitchLang)}">{h.Encode(text.Switch)}</a>
            <h1>{h.Encode(text.Title)}</h1>
            """);
        html.Append(noticeHtml);
        if (verdict is not null)
        {
            var (headline, advice) = text.Verdicts.TryGetValue(verdict.Code, out var words) ? words : text.Verdicts["suspect"];
            html.Append(CultureInfo.InvariantCulture, $"""<div class="verdict {ConsumerText.Tone(verdict.Code)}" id="verdict" data-verdict="{h.Encode(verdict.Code)}" role="status"><strong>{h.Encode(headline)}</strong><p>{h.Encode(advice)}</p>""");
            if (verdict.Code == Features.VerifyForConsumer.VerifyForConsumerQuery.InvalidCode)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{h.Encode(verdict.Message)}</p>");
            }

            if (text.Scratch.TryGetValue(verdict.Scratch, out var scratchText))
            {
                html.Append(CultureInfo.InvariantCulture, $"""<p id="scratch" data-scratch="{h.Encode(verdict.Scratch)}">{h.Encode(scratchText)}</p>""");
            }

            html.Append("</div><dl>");
            var product = verdict.Product is { } p ? $"{p.Name} {p.Strength}, {p.Form} × {p.PackSize}" : null;
            Row(html, text.Labels["product"], product);
            Row(html, text.Labels["manufacturer"], verdict.Manufacturer);
            Row(html, text.Labels["lot"], verdict.Lot);
            Row(html, text.Labels["expiry"], ExpiryDate(verdict.Expiry));
            Row(html, text.Labels["dispensed"], verdict.DispensedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Row(html, text.Labels["first"], verdict.FirstVerifiedAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
            Row(html, text.Labels["count"], verdict.VerificationCount > 0 ? verdict.VerificationCount.ToString(CultureInfo.InvariantCulture) : null);
            html.Append("</dl>");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <form method="get" action="/verify"><p>{h.Encode(text.Prompt)}</p>
            <label for="code">{h.Encode(text.CodeLabel)}</label>
            <input id="code" name="code" inputmode="numeric" autocomplete="off" maxlength="1024" value="{h.Encode(typed ?? "")}">
            <label for="scratch-code">{h.Encode(text.ScratchLabel)}</label>
            <input id="scratch-code" name="scratch" inputmode="numeric" autocomplete="off" maxlength="64" value="{h.Encode(scratch ?? "")}">
            <input type="hidden" name="lang" value="{h.Encode(text.Lang)}">
            <button type="submit">{h.Encode(text.Check)}</button></form>
            """);
        html.Append(PhotoForm.Render(text.Lang)).Append("</body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string label, string? value)
    {
        if (value is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{Html.Encode(label)}</dt><dd>{Html.Encode(value)}</dd>");
        }
    }

    /// <summary>The pack's YYMMDD expiry as a calendar date (day 00 is the month's last day), or as printed when unreadable.</summary>
    private static string? ExpiryDate(string? yymmdd) =>
        yymmdd is not null && Gs1Date.TryParse(yymmdd, TimeProvider.System.GetUtcNow().Year, allowDayZero: true, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : yymmdd;
}
