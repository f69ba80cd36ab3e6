using System.Globalization;
using System.IO.Compression;
using System.Text;
using ScannerAgent.Uplink;

namespace ScannerAgent.Labels;

/// <summary>
/// Fetches a batch's labels from the gateway (<c>GET /v1/batches/{gtin}/{batch}/labels</c>, manufacturer key), page by
/// page along the cursor links, and writes them: SVG sheets as they come, PNG zips unpacked into one folder of per-pack PNGs with a single
/// <c>labels.csv</c> for the whole batch.
/// </summary>
public sealed class LabelDownloader : IDisposable
{
    private readonly HttpClient http;
    private readonly string apiKey;

    /// <summary>Creates a downloader for <paramref name="gateway"/> with a manufacturer's API key.</summary>
    public LabelDownloader(Uri gateway, string apiKey, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        http = new HttpClient { BaseAddress = gateway, Timeout = timeout };
        this.apiKey = apiKey;
    }

    /// <summary>
    /// Fetches pages from the request's cursor (or the batch's start), following the gateway's <c>Link: rel="next"</c>
    /// until the batch ends or <see cref="LabelRequest.MaxPages"/>, and writes the labels into the request's folder.
    /// </summary>
    /// <exception cref="GatewayException">The gateway refused or could not be reached; the message says why.</exception>
    public async Task<LabelDownload> DownloadAsync(LabelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(request.OutputDirectory);
        var files = new List<string>();
        var manifest = new StringBuilder();
        int total = 0, labels = 0, pages = 0;
        Uri? next = FirstUrl(request);
        string? cursor = null;
        while (next is not null && (request.MaxPages is null || pages < request.MaxPages))
        {
            var current = next;
            using var response = await GetAsync(current, cancellationToken);
            total = Header(response, "X-Total-Count");
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var name = Path.GetFileName(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
                ?? throw new GatewayException("the gateway's label answer has no file name"));
            if (request.Format == "png")
            {
                labels += Unpack(content, request.OutputDirectory, files, manifest);
            }
            else
            {
                var path = Path.Combine(request.OutputDirectory, name);
                await File.WriteAllBytesAsync(path, content, cancellationToken);
                files.Add(path);
                labels += Header(response, "X-Label-Count");
            }

            pages++;
            (next, cursor) = NextLink(response, current);
        }

        if (request.Format == "png")
        {
            var path = Path.Combine(request.OutputDirectory, "labels.csv");
            await File.WriteAllTextAsync(path, manifest.ToString(), new UTF8Encoding(false), cancellationToken);
            files.Add(path);
        }

        return new LabelDownload(files, labels, total, pages, cursor);
    }

    /// <summary>Closes the HTTP client.</summary>
    public void Dispose() => http.Dispose();

    private static Uri FirstUrl(LabelRequest request)
    {
        var url = string.Create(CultureInfo.InvariantCulture,
            $"v1/batches/{Uri.EscapeDataString(request.Gtin)}/{Uri.EscapeDataString(request.Batch)}/labels?symbology={Uri.EscapeDataString(request.Symbology)}&format={Uri.EscapeDataString(request.Format)}&pageSize={request.PageSize}&columns={request.Columns}");
        return new Uri(request.After is null ? url : url + "&after=" + Uri.EscapeDataString(request.After), UriKind.Relative);
    }

    private async Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        GatewayHttp.Authorize(get, apiKey);
        var response = await GatewayHttp.SendAsync(http, get, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await GatewayHttp.RefusalAsync(response, cancellationToken);
        }
    }

    /// <summary>The <c>rel="next"</c> target of the answer (relative to the page just fetched) and its cursor; nulls at the batch's end.</summary>
    private (Uri? Next, string? Cursor) NextLink(HttpResponseMessage response, Uri current)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return (null, null);
        }

        foreach (var value in values.SelectMany(v => v.Split(',')))
        {
            var link = value.Trim();
            var close = link.IndexOf('>', StringComparison.Ordinal);
            if (link.StartsWith('<') && close > 0 && link[(close + 1)..].Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                var target = new Uri(new Uri(http.BaseAddress!, current), link[1..close]);
                // Only follow links to the same gateway: the API key must not travel anywhere else.
                if (!http.BaseAddress!.IsBaseOf(target))
                {
                    throw new GatewayException($"the gateway's next-page link '{link[1..close]}' points outside {http.BaseAddress}");
                }

                var cursor = System.Web.HttpUtility.ParseQueryString(target.Query)["after"]
                    ?? throw new GatewayException($"the gateway's next-page link '{link[1..close]}' has no after= cursor");
                return (target, cursor);
            }
        }

        return (null, null);
    }

    /// <summary>Writes a page's PNGs; adds its manifest rows (the header once) and returns how many labels it held.</summary>
    private static int Unpack(byte[] zipBytes, string directory, List<string> files, StringBuilder manifest)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        var count = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName == "labels.csv")
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var lines = reader.ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                foreach (var line in manifest.Length == 0 ? lines : lines.Skip(1))
                {
                    manifest.Append(line).Append("\r\n");
                }

                continue;
            }

            // Names come from the gateway, but a file name must never climb out of the output folder.
            var name = Path.GetFileName(entry.FullName);
            if (name.Length == 0 || name != entry.FullName)
            {
                throw new GatewayException($"the label zip holds an unexpected entry '{entry.FullName}'");
            }

            var path = Path.Combine(directory, name);
            entry.ExtractToFile(path, overwrite: true);
            files.Add(path);
            count++;
        }

        return count;
    }

    private static int Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new GatewayException($"the gateway's label answer lacks the {name} header");
}
