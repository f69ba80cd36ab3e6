using System.Net.Http.Headers;
using System.Text.Json;

namespace ScannerAgent.Uplink;

/// <summary>
/// What every call to the gateway or ledger shares (uplink, registration, labels): the API key headers, a send that
/// turns an unreachable or silent server into a <see cref="GatewayException"/>, and an error answer's problem+json read
/// into one sentence.
/// </summary>
internal static class GatewayHttp
{
    /// <summary>Adds the API key: TraceLedger reads <c>Authorization: Bearer</c>, TraceGateway <c>X-Api-Key</c>, so both go.</summary>
    public static void Authorize(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.Add("X-Api-Key", apiKey);
    }

    /// <summary>Sends <paramref name="request"/>; any answer is returned, the status is the caller's to judge.</summary>
    /// <exception cref="GatewayException">The server could not be reached or did not answer within the client's timeout.</exception>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute.ToString() : $"{http.BaseAddress}{request.RequestUri}";
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new GatewayException($"{url} is unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GatewayException($"{url} did not answer within {http.Timeout.TotalSeconds:0.#} s", e);
        }
    }

    /// <summary>The error for an answer that is not a success: method, path, status and the server's problem.</summary>
    public static async Task<GatewayException> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var request = response.RequestMessage;
        var path = request?.RequestUri is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : "/" + request?.RequestUri?.OriginalString.TrimStart('/');
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new GatewayException($"{request?.Method} {path} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Problem(body)}");
    }

    /// <summary>
    /// An error body in one sentence: an RFC 9457 problem's validation errors, else its <c>detail</c>, else its
    /// <c>title</c>; a body that is not problem+json is shown by its start.
    /// </summary>
    public static string Problem(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    return string.Join("; ", errors.EnumerateObject().SelectMany(e => e.Value.ValueKind == JsonValueKind.Array ? e.Value.EnumerateArray().Select(m => m.ToString()) : [e.Value.ToString()]));
                }

                foreach (var field in (string[])["detail", "title"])
                {
                    if (root.TryGetProperty(field, out var text) && text.ValueKind == JsonValueKind.String)
                    {
                        return text.GetString()!;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not problem+json: show the start of the body instead.
        }

        return body.Length <= 200 ? body : body[..200] + "…";
    }
}
