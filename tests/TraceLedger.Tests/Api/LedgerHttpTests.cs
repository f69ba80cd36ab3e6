using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TraceChain.Protocol.Proofs;
using TraceChain.Protocol.Signing;
using TraceLedger.Api;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Api;

public sealed class LedgerHttpTests
{
    [Fact]
    public async Task PostHops_MixedBatch_AcceptsValidAndNamesTheMalformedItem()
    {
        await using var server = await LedgerServer.StartAsync();
        using var key = DeviceKeys.Create();
        await RegisterDeviceAsync(server, "scanner-1", key);
        var valid = Encoding.UTF8.GetString(SignedHop.Create(server.Temp.NextHop("scanner-1", 1), key).ToEntryBytes());
        var body = $$"""{"hops":[{{valid}},{"hop":{"deviceId":"scanner-1"},"keyId":"0011223344556677","signature":"x"},42]}""";

        var response = await server.Client.PostAsync("/v1/hops", new StringContent(body, Encoding.UTF8, "application/json"));
        var batch = await response.Content.ReadFromJsonAsync<HopBatchResponse>(Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["accepted", "refused", "refused"], batch!.Receipts.Select(r => r.Status));
        Assert.Equal("malformed_hop", batch.Receipts[1].Reason);
        Assert.Contains("signature", batch.Receipts[1].Message, StringComparison.Ordinal);
        Assert.Equal(batch.TreeSize - 1, batch.Receipts[0].Seq);
        var item = Uri.EscapeDataString(server.Temp.NextHop("scanner-1", 1).Identifiers[0]);
        var history = await server.Client.GetFromJsonAsync<List<HistoryEntryResponse>>($"/v1/items/{item}/history", Json);
        Assert.Equal(batch.Receipts[0].Seq, Assert.Single(history!).Seq);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"hops\":5}")]
    [InlineData("[1,2]")]
    public async Task PostHops_BrokenBody_Returns400ProblemNamingIt(string body)
    {
        await using var server = await LedgerServer.StartAsync();

        var response = await server.Client.PostAsync("/v1/hops", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Proofs_OverHttp_VerifyAgainstTheCheckpoint()
    {
        await using var server = await LedgerServer.StartAsync();
        using var key = DeviceKeys.Create();
        await RegisterDeviceAsync(server, "scanner-1", key);
        var hops = Enumerable.Range(0, 5).Select(i => Encoding.UTF8.GetString(SignedHop.Create(server.Temp.NextHop("scanner-1", i), key).ToEntryBytes()));
        await server.Client.PostAsync("/v1/hops", new StringContent($"{{\"hops\":[{string.Join(',', hops)}]}}", Encoding.UTF8, "application/json"));

        var checkpoint = await server.Client.GetFromJsonAsync<CheckpointResponse>("/v1/checkpoint", Json);
        var inclusion = await server.Client.GetFromJsonAsync<InclusionProofResponse>($"/v1/proofs/inclusion?seq=3&size={checkpoint!.TreeSize}", Json);
        var consistency = await server.Client.GetFromJsonAsync<ConsistencyProofResponse>($"/v1/proofs/consistency?from=2&to={checkpoint.TreeSize}", Json);
        var bundle = ProofBundle.Parse(await server.Client.GetByteArrayAsync("/v1/entries/4/bundle"));
        var logKey = await server.Client.GetFromJsonAsync<LogKeyResponse>("/v1/log-key", Json);
        var outOfRange = await server.Client.GetAsync($"/v1/proofs/inclusion?seq=0&size={checkpoint.TreeSize + 1}");

        var root = Convert.FromBase64String(checkpoint.RootHash);
        Assert.True(TraceChain.Protocol.Merkle.MerkleProofs.VerifyInclusion(3, checkpoint.TreeSize, Convert.FromBase64String(inclusion!.LeafHash), inclusion.AuditPath.Select(Convert.FromBase64String).ToList(), root));
        Assert.True(TraceChain.Protocol.Merkle.MerkleProofs.VerifyConsistency(2, checkpoint.TreeSize, consistency!.Proof.Select(Convert.FromBase64String).ToList(), Convert.FromBase64String(consistency.FromRoot), root));
        var verdict = ProofBundleVerifier.Verify(bundle, TraceChain.Protocol.Checkpoints.NoteVerifier.Parse(logKey!.VerifierKey), key);
        Assert.True(verdict.IsValid, verdict.Reason);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/v1/entries/999/bundle")).StatusCode);
    }

    [Fact]
    public async Task Registry_OverHttp_RefusesBadInputWithReasons_AndRevocationTakesEffect()
    {
        await using var server = await LedgerServer.StartAsync();
        using var key = DeviceKeys.Create();

        var badRole = await server.Client.PostAsJsonAsync("/v1/parties", new PartyRequest("4012345000009", "X", "smuggler", null, null));
        var badGln = await server.Client.PostAsJsonAsync("/v1/parties", new PartyRequest("4012345000008", "X", "pharmacy", null, null));
        var unknownParty = await server.Client.PostAsJsonAsync("/v1/devices", new DeviceRequest("d1", "4012345000009", DeviceKeys.ExportPublicKey(key)));
        await RegisterDeviceAsync(server, "scanner-1", key);
        var revoke = await server.Client.PostAsync("/v1/devices/scanner-1/revoke", null);
        var hop = Encoding.UTF8.GetString(SignedHop.Create(server.Temp.NextHop("scanner-1", 1), key).ToEntryBytes());
        var after = await (await server.Client.PostAsync("/v1/hops", new StringContent($"{{\"hops\":[{hop}]}}", Encoding.UTF8, "application/json")))
            .Content.ReadFromJsonAsync<HopBatchResponse>(Json);

        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("check digit", await badGln.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("not registered", await unknownParty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, revoke.StatusCode);
        Assert.Equal("device_revoked", after!.Receipts[0].Reason);
    }

    [Fact]
    public async Task Registry_WithoutValidApiKey_Returns401AndChangesNothing()
    {
        await using var server = await LedgerServer.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = server.Client.BaseAddress };
        var size = server.Temp.Ledger.Checkpoint.TreeSize;

        var none = await anonymous.PostAsJsonAsync("/v1/parties", new PartyRequest(TraceLedger.Tests.Support.Gs1.Gln(7), "X", "pharmacy", null, null));
        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "tlk_0000000000000000.forged");
        var forged = await anonymous.PostAsync("/v1/devices/anything/revoke", null);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(size, server.Temp.Ledger.Checkpoint.TreeSize);
    }

    [Fact]
    public async Task Device_OverHttp_ShowsItsNewestKeyStatusAndLastCounter_Or404()
    {
        await using var server = await LedgerServer.StartAsync();
        using var first = DeviceKeys.Create();
        using var second = DeviceKeys.Create();
        await RegisterDeviceAsync(server, "scanner-2", first);
        var registered = await server.Client.GetFromJsonAsync<DeviceResponse>("/v1/devices/scanner-2", Json);
        var hop = Encoding.UTF8.GetString(SignedHop.Create(server.Temp.NextHop("scanner-2", 1, counter: 7), first).ToEntryBytes());
        var appended = await (await server.Client.PostAsync("/v1/hops", new StringContent($"{{\"hops\":[{hop}]}}", Encoding.UTF8, "application/json")))
            .Content.ReadFromJsonAsync<HopBatchResponse>(Json);
        var rotated = await server.Client.PostAsJsonAsync("/v1/devices/scanner-2/keys", new KeyRotationRequest(DeviceKeys.ExportPublicKey(second)));
        var rotation = await rotated.Content.ReadFromJsonAsync<RegistryResponse>(Json);
        await server.Client.PostAsync("/v1/devices/scanner-2/revoke", null);
        var revoked = await server.Client.GetFromJsonAsync<DeviceResponse>("/v1/devices/scanner-2", Json);
        var unknown = await server.Client.GetAsync("/v1/devices/nobody");

        Assert.Equal(new DeviceResponse("scanner-2", TempLedger.PartyGln, true, DeviceKeys.ExportPublicKey(first), registered!.KeySeq, -1), registered);
        Assert.True(appended!.Receipts[0].Seq is not null, appended.Receipts[0].Message);
        Assert.Equal(new DeviceResponse("scanner-2", TempLedger.PartyGln, false, DeviceKeys.ExportPublicKey(second), rotation!.Seq, 7), revoked);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task RegisterDeviceAsync(LedgerServer server, string deviceId, System.Security.Cryptography.ECDsa key)
    {
        var response = await server.Client.PostAsJsonAsync("/v1/devices", new DeviceRequest(deviceId, TempLedger.PartyGln, DeviceKeys.ExportPublicKey(key)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
