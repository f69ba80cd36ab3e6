using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ScannerAgent.Outbox;

namespace ScannerAgent.Uplink;

/// <summary>
/// Speaks the hop contract shared by TraceLedger and TraceGateway: <c>POST /v1/hops</c> with
/// <c>{"hops":[signed hop, …]}</c> and <c>POST /v1/devices</c> / <c>/v1/parties</c> with a party API key.
/// </summary>
public sealed class GatewayClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    /// <summary>Creates a client for <paramref name="baseUrl"/>; each request gives up after <paramref name="timeout"/>.</summary>
    public GatewayClient(Uri baseUrl, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = timeout };
    }

    /// <summary>Uploads entries (their stored bytes, unchanged) and returns one receipt per entry.</summary>
    /// <exception cref="GatewayException">No usable answer: unreachable, timeout, an error status or a malformed body.</exception>
    public async Task<IReadOnlyList<UplinkReceipt>> SendAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var body = new MemoryStream();
        body.Write("{\"hops\":["u8);
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                body.WriteByte((byte)',');
            }

            body.Write(entries[i].Entry);
        }

        body.Write("]}"u8);
        using var content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/hops") { Content = content };
        using (var response = await GatewayHttp.SendAsync(_http, request, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await GatewayHttp.RefusalAsync(response, cancellationToken);
            }

            UplinkResponse? parsed;
            try
            {
                parsed = await response.Content.ReadFromJsonAsync<UplinkResponse>(Json, cancellationToken);
            }
            catch (JsonException e)
            {
                throw new GatewayException($"POST /v1/hops answered a body that is not a receipt list: {e.Message}", e);
            }

            var receipts = parsed?.Receipts;
            if (receipts is null || receipts.Count != entries.Count || receipts.Where((r, i) => r.Index != i).Any())
            {
                throw new GatewayException($"POST /v1/hops answered {receipts?.Count ?? 0} receipts for {entries.Count} hops");
            }

            return receipts;
        }
    }

    /// <summary>Registers a device and its public key (<c>POST /v1/devices</c>); returns the registry's log sequence number.</summary>
    public Task<string> RegisterDeviceAsync(string apiKey, string deviceId, string partyGln, string publicKey, CancellationToken cancellationToken) =>
        RegistryAsync("v1/devices", apiKey, new { deviceId, partyGln, publicKey }, cancellationToken);

    /// <summary>Registers a party (<c>POST /v1/parties</c>): role manufacturer, distributor, pharmacy or regulator.</summary>
    public Task<string> RegisterPartyAsync(string apiKey, string gln, string name, string role, CancellationToken cancellationToken) =>
        RegistryAsync("v1/parties", apiKey, new { gln, name, role }, cancellationToken);

    /// <summary>Closes the HTTP client.</summary>
    public void Dispose() => _http.Dispose();

    private async Task<string> RegistryAsync(string path, string apiKey, object body, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body, options: Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        GatewayHttp.Authorize(request, apiKey);
        using var response = await GatewayHttp.SendAsync(_http, request, cancellationToken);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadAsStringAsync(cancellationToken)
            : throw await GatewayHttp.RefusalAsync(response, cancellationToken);
    }
}
