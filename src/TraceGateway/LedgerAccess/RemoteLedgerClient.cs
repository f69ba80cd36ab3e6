using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using TraceChain.Protocol.Signing;
using TraceLedger.Api;
using TraceLedger.Packs;

namespace TraceGateway.LedgerAccess;

/// <summary>
/// A separate <c>TraceLedger serve</c> reached over HTTP. Its 400 answers become <see cref="LedgerRefusedException"/>
/// (the ledger's own problem detail is passed on), 404 becomes null, anything else <see cref="LedgerUnavailableException"/>.
/// </summary>
public sealed class RemoteLedgerClient(HttpClient http) : ILedgerClient
{
    // The ledger writes its enums in snake_case (verdict codes, pack states, scratch outcomes).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public async Task<HopBatchResponse> AppendAsync(IReadOnlyList<SignedHop> hops, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hops);

        // The entry bytes are the hop's JSON form, so the batch is forwarded exactly as signed.
        using var body = new MemoryStream();
        body.Write("{\"hops\":["u8);
        for (var i = 0; i < hops.Count; i++)
        {
            if (i > 0)
            {
                body.WriteByte((byte)',');
            }

            body.Write(hops[i].ToEntryBytes());
        }

        body.Write("]}"u8);
        using var content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await SendAsync<HopBatchResponse>(HttpMethod.Post, "v1/hops", content, cancellationToken)
            ?? throw new LedgerUnavailableException("The ledger answered 404 to POST /v1/hops.");
    }

    public async Task<CheckpointResponse> GetCheckpointAsync(CancellationToken cancellationToken) =>
        await SendAsync<CheckpointResponse>(HttpMethod.Get, "v1/checkpoint", null, cancellationToken)
        ?? throw new LedgerUnavailableException("The ledger answered 404 to GET /v1/checkpoint.");

    public async Task<LogKeyResponse> GetLogKeyAsync(CancellationToken cancellationToken) =>
        await SendAsync<LogKeyResponse>(HttpMethod.Get, "v1/log-key", null, cancellationToken)
        ?? throw new LedgerUnavailableException("The ledger answered 404 to GET /v1/log-key.");

    public async Task<InclusionProofResponse> GetInclusionProofAsync(long seq, long? treeSize, CancellationToken cancellationToken) =>
        await SendAsync<InclusionProofResponse>(HttpMethod.Get, $"v1/proofs/inclusion?seq={seq}{(treeSize is { } s ? $"&size={s}" : "")}", null, cancellationToken)
        ?? throw new LedgerUnavailableException("The ledger answered 404 to an inclusion proof.");

    public async Task<ConsistencyProofResponse> GetConsistencyProofAsync(long fromSize, long? toSize, CancellationToken cancellationToken) =>
        await SendAsync<ConsistencyProofResponse>(HttpMethod.Get, $"v1/proofs/consistency?from={fromSize}{(toSize is { } s ? $"&to={s}" : "")}", null, cancellationToken)
        ?? throw new LedgerUnavailableException("The ledger answered 404 to a consistency proof.");

    public Task<byte[]?> GetEntryAsync(long seq, CancellationToken cancellationToken) => GetBytesAsync($"v1/entries/{seq}", cancellationToken);

    public Task<byte[]?> GetBundleAsync(long seq, CancellationToken cancellationToken) => GetBytesAsync($"v1/entries/{seq}/bundle", cancellationToken);

    public async Task<IReadOnlyList<HistoryEntryResponse>> GetItemHistoryAsync(string itemKey, int limit, CancellationToken cancellationToken) =>
        await SendAsync<List<HistoryEntryResponse>>(HttpMethod.Get, $"v1/items/{Uri.EscapeDataString(itemKey)}/history?limit={limit}", null, cancellationToken)
        ?? [];

    public Task<long> RegisterPartyAsync(PartyRequest party, CancellationToken cancellationToken) => RegistryAsync("v1/parties", party, cancellationToken);

    public Task<long> RegisterDeviceAsync(DeviceRequest device, CancellationToken cancellationToken) => RegistryAsync("v1/devices", device, cancellationToken);

    public Task<DeviceResponse?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        SendAsync<DeviceResponse>(HttpMethod.Get, $"v1/devices/{Uri.EscapeDataString(deviceId)}", null, cancellationToken);

    public Task<long> RotateDeviceKeyAsync(string deviceId, KeyRotationRequest key, CancellationToken cancellationToken) =>
        RegistryAsync($"v1/devices/{Uri.EscapeDataString(deviceId)}/keys", key, cancellationToken);

    public Task<long> RevokeDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        RegistryAsync($"v1/devices/{Uri.EscapeDataString(deviceId)}/revoke", new { }, cancellationToken);

    public Task<ConsumerVerdict> VerifyForConsumerAsync(VerifyBody scan, CancellationToken cancellationToken) =>
        PostAsync<VerifyBody, ConsumerVerdict>("v1/verify", scan, cancellationToken);

    public Task<Verdict> VerifyAsync(VerifyBody scan, CancellationToken cancellationToken) =>
        PostAsync<VerifyBody, Verdict>("v1/verifications", scan, cancellationToken);

    public Task<long> RegisterCompanyPrefixAsync(CompanyPrefixBody prefix, CancellationToken cancellationToken) => RegistryAsync("v1/company-prefixes", prefix, cancellationToken);

    public Task<CommissionResult> CommissionAsync(CommissionRequest request, CancellationToken cancellationToken) =>
        PostAsync<CommissionRequest, CommissionResult>("v1/batches", request, cancellationToken);

    public Task<BatchPacks?> GetBatchPacksAsync(string gtin, string lot, string? after, int limit, bool withTotal, CancellationToken cancellationToken) =>
        SendAsync<BatchPacks>(
            HttpMethod.Get,
            $"v1/batches/{Uri.EscapeDataString(gtin)}/packs?lot={Uri.EscapeDataString(lot)}{(after is null ? "" : "&after=" + Uri.EscapeDataString(after))}&limit={limit}&total={(withTotal ? "true" : "false")}",
            null,
            cancellationToken);

    public Task<RecallResult> RecallAsync(RecallRequest request, CancellationToken cancellationToken) =>
        PostAsync<RecallRequest, RecallResult>("v1/recalls", request, cancellationToken);

    public async Task<IReadOnlyList<Alert>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new List<string> { $"limit={filter.Limit}" };
        if (filter.Code is not null)
        {
            query.Add("code=" + Uri.EscapeDataString(filter.Code));
        }

        if (filter.Open is { } open)
        {
            query.Add(open ? "open=true" : "open=false");
        }

        if (filter.Identifier is not null)
        {
            query.Add("identifier=" + Uri.EscapeDataString(filter.Identifier));
        }

        if (filter.Actor is not null)
        {
            query.Add("actor=" + Uri.EscapeDataString(filter.Actor));
        }

        return await SendAsync<List<Alert>>(HttpMethod.Get, "v1/alerts?" + string.Join('&', query), null, cancellationToken) ?? [];
    }

    public async Task CloseAlertAsync(long id, CloseAlertBody close, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(close, options: Json);
        using var response = await SendRawAsync(HttpMethod.Post, $"v1/alerts/{id}/close", content, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new LedgerRefusedException($"There is no alert {id}.");
        }
    }

    public async Task<PackOperationResult> ApplyPackOperationAsync(SignedHop hop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hop);
        using var content = new ByteArrayContent(hop.ToEntryBytes());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await SendAsync<PackOperationResult>(HttpMethod.Post, "v1/packs/operations", content, cancellationToken)
            ?? throw new LedgerUnavailableException("The ledger answered 404 to POST /v1/packs/operations.");
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<TResponse> PostAsync<TBody, TResponse>(string path, TBody body, CancellationToken cancellationToken)
        where TResponse : class
    {
        using var content = JsonContent.Create(body, options: Json);
        return await SendAsync<TResponse>(HttpMethod.Post, path, content, cancellationToken)
            ?? throw new LedgerUnavailableException($"The ledger answered 404 to POST /{path}.");
    }

    private async Task<long> RegistryAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body, options: Json);
        var response = await SendAsync<RegistryResponse>(HttpMethod.Post, path, content, cancellationToken)
            ?? throw new LedgerRefusedException($"The ledger has no such resource: {path}.");
        return response.Seq;
    }

    private async Task<byte[]?> GetBytesAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, null, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendRawAsync(method, path, content, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new LedgerUnavailableException($"The ledger answered {method} {path} with an empty body.");
        }
        catch (JsonException e)
        {
            throw new LedgerUnavailableException($"The ledger answered {method} {path} with unreadable JSON: {e.Message}", e);
        }
    }

    /// <summary>Sends and sorts the status: success and 404 come back, 400 is a refusal, the rest is an outage.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new LedgerUnavailableException($"The ledger at {http.BaseAddress} is unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LedgerUnavailableException($"The ledger at {http.BaseAddress} did not answer in time.", e);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound)
        {
            return response;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                throw new LedgerRefusedException(await ProblemDetailAsync(response, cancellationToken));
            }

            throw new LedgerUnavailableException($"The ledger answered {method} {path} with {(int)response.StatusCode}.");
        }
    }

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String
                ? detail.GetString()!
                : "The ledger refused the request.";
        }
        catch (JsonException)
        {
            return "The ledger refused the request.";
        }
    }
}
