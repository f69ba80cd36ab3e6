using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using TraceGateway.Features.VerifyPhoto;

namespace TraceGateway.Web;

/// <summary>
/// The photo upload on the consumer page: a plain multipart form (works without JavaScript; on phones
/// <c>capture="environment"</c> opens the rear camera), and the notice that explains what was read from a photo.
/// </summary>
public static class PhotoForm
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The upload form, posting to <c>/verify/photo</c> in the page's language.</summary>
    public static string Render(string language)
    {
        var text = PhotoText.For(language);
        var h = Html;
        return string.Create(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/verify/photo?lang={h.Encode(Uri.EscapeDataString(language))}" enctype="multipart/form-data" id="photo-form"><p>{h.Encode(text.Heading)}</p>
            <label for="photo">{h.Encode(text.FileLabel)}</label>
            <input id="photo" name="photo" type="file" accept="image/*" capture="environment" required>
            <button type="submit">{h.Encode(text.Send)}</button></form>
            """);
    }

    /// <summary>The notice above the verdict: the problem when there is no verdict, else the code read and notes.</summary>
    public static string Notice(string language, PhotoCheck check, long maxImageBytes)
    {
        ArgumentNullException.ThrowIfNull(check);
        var text = PhotoText.For(language);
        var h = Html;
        var html = new StringBuilder();
        if (check.Outcome != PhotoCheck.Verified)
        {
            var problem = text.Problems.TryGetValue(check.Outcome, out var words) ? words : text.Problems[PhotoCheck.UnreadableImage];
            var megabytes = (maxImageBytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"""<div class="verdict info" id="photo-problem" data-outcome="{h.Encode(check.Outcome)}" role="alert"><strong>{h.Encode(string.Format(CultureInfo.InvariantCulture, problem, megabytes))}</strong></div>""");
            return html.ToString();
        }

        html.Append("""<div id="photo-notice">""");
        html.Append(CultureInfo.InvariantCulture, $"""<p>{h.Encode(text.CodeRead)}: <code id="photo-code">{h.Encode(check.Code ?? "")}</code></p>""");
        foreach (var note in check.Notes)
        {
            var argument = note == PhotoCheck.OtherWebsite ? check.Website ?? "" : check.CodesFound.ToString(CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"""<p class="note" data-note="{h.Encode(note)}">{h.Encode(string.Format(CultureInfo.InvariantCulture, text.Notes[note], argument))}</p>""");
        }

        html.Append("</div>");
        return html.ToString();
    }
}
