namespace TraceGateway.Web;

/// <summary>Picks the page language: <c>?lang=</c> (the switch link) first, else Accept-Language by quality; English by default.</summary>
public static class ConsumerLanguage
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static string Choose(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forced = request.Query["lang"].ToString();
        if (forced.Length > 0)
        {
            return forced.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
        }

        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in accepted)
        {
            var tag = language.Value.ToString();
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return English;
    }

    /// <summary>True when the caller asked for JSON rather than a page.</summary>
    public static bool WantsJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.GetTypedHeaders().Accept;
        var json = accept.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var html = accept.Where(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        return json > 0 && json >= html;
    }
}
