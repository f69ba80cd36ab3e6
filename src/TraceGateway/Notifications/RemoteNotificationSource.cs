using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TraceGateway.LedgerAccess;
using TraceLedger.Api;
using TraceLedger.Packs;

namespace TraceGateway.Notifications;

/// <summary>
/// The notification feed of a separate <c>TraceLedger serve</c> (<c>GET /v1/feed/…</c>), over the ledger client's
/// <see cref="HttpClient"/> (base address, API key, timeout). Any failure — unreachable, timeout, a status other than
/// 200, an unreadable body — is a <see cref="LedgerUnavailableException"/> that names it: the publisher logs it and
/// asks again on its next poll with the same cursor.
/// </summary>
public sealed class RemoteNotificationSource(HttpClient http) : INotificationSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<RecallFeedPage> RecallsAfterAsync(long afterSeq, int maxEntries, CancellationToken cancellationToken) =>
        GetAsync<RecallFeedPage>(string.Create(CultureInfo.InvariantCulture, $"v1/feed/recalls?after={afterSeq}&limit={maxEntries}"), cancellationToken);

    public Task<AlertFeedPage> AlertsAfterAsync(long afterId, int max, CancellationToken cancellationToken) =>
        GetAsync<AlertFeedPage>(string.Create(CultureInfo.InvariantCulture, $"v1/feed/alerts?after={afterId}&limit={max}"), cancellationToken);

    public async Task<long> LastAlertIdAsync(CancellationToken cancellationToken) =>
        (await GetAsync<LastAlertResponse>("v1/feed/alerts/last", cancellationToken)).LastId;

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new LedgerUnavailableException($"The ledger answered GET /{path} with {(int)response.StatusCode}{Detail(body)}.");
            }

            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new LedgerUnavailableException($"The ledger answered GET /{path} with an empty body.");
        }
        catch (HttpRequestException e)
        {
            throw new LedgerUnavailableException($"The ledger at {http.BaseAddress} is unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LedgerUnavailableException($"The ledger at {http.BaseAddress} did not answer GET /{path} in time.", e);
        }
        catch (JsonException e)
        {
            throw new LedgerUnavailableException($"The ledger answered GET /{path} with unreadable JSON: {e.Message}", e);
        }
    }

    /// <summary>The problem detail of an error answer (e.g. "API key required"), so the log says what to fix.</summary>
    private static string Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String
                ? ": " + detail.GetString()
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
