using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Signing;
using TraceGateway.Security;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Endpoints;

/// <summary>Every endpoint's success and validation paths; run once per ledger mode by the derived classes.</summary>
public abstract class GatewayEndpointTests(LedgerMode mode) : IAsyncLifetime
{
    private GatewayHost host = null!;

    protected GatewayHost Host => host;

    public async Task InitializeAsync() => host = await GatewayHost.StartAsync(mode);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("/healthz", "ok")]
    [InlineData("/readyz", "ready")]
    public async Task Health_AnswersOk(string path, string status)
    {
        using var client = host.Anonymous();
        var body = await client.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));
        Assert.Equal(status, body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryResource()
    {
        using var client = host.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/v1/hops", "/v1/checkpoint", "/v1/proofs/inclusion", "/v1/proofs/consistency", "/v1/entries/{seq}", "/v1/parties", "/v1/devices", "/v1/api-keys" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
    }

    [Fact]
    public async Task Hops_SignedBatch_GetsOneReceiptPerItemInOrder()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var key = await TestData.RegisterDeviceAsync(host, "dev-1");
        var first = SignedHop.Create(TestData.Hop("dev-1", 1, 1), key);
        var second = SignedHop.Create(TestData.Hop("dev-1", 2, 2), key);
        var forged = SignedHop.Create(TestData.Hop("dev-1", 3, 3), DeviceKeys.Create());

        using var agent = host.Anonymous();
        using var response = await agent.PostAsync(new Uri("/v1/hops", UriKind.Relative), TestData.HopBatch(first.ToEntryBytes(), "{\"hop\":42}"u8.ToArray(), second.ToEntryBytes(), forged.ToEntryBytes()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var receipts = body.GetProperty("receipts").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3], receipts.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(["accepted", "refused", "accepted", "refused"], receipts.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("malformed_hop", receipts[1].GetProperty("reason").GetString());
        Assert.Equal("bad_signature", receipts[3].GetProperty("reason").GetString());
        Assert.Equal(Convert.ToBase64String(first.LeafHash()), receipts[0].GetProperty("leafHash").GetString());
        Assert.Equal(receipts[2].GetProperty("seq").GetInt64() + 1, body.GetProperty("treeSize").GetInt64());
    }

    [Fact]
    public async Task Hops_SameBatchTwice_SecondIsDuplicateWithSameSeq()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var key = await TestData.RegisterDeviceAsync(host, "dev-1");
        var hop = SignedHop.Create(TestData.Hop("dev-1", 1, 1), key);
        using var agent = host.Anonymous();
        var first = await (await agent.PostAsync(new Uri("/v1/hops", UriKind.Relative), TestData.HopBatch(hop.ToEntryBytes()))).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await agent.PostAsync(new Uri("/v1/hops", UriKind.Relative), TestData.HopBatch(hop.ToEntryBytes()))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate", again.GetProperty("receipts")[0].GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("receipts")[0].GetProperty("seq").GetInt64(), again.GetProperty("receipts")[0].GetProperty("seq").GetInt64());
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("{\"items\":[]}", "body")]
    [InlineData("{\"hops\":[]}", "hops")]
    public async Task Hops_BrokenBody_IsProblemNamingIt(string body, string field)
    {
        using var agent = host.Anonymous();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await agent.PostAsync(new Uri("/v1/hops", UriKind.Relative), content);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Checkpoint_AndProofs_VerifyAgainstEachOther()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var key = await TestData.RegisterDeviceAsync(host, "dev-1");
        var hop = SignedHop.Create(TestData.Hop("dev-1", 1, 1), key);
        using var agent = host.Anonymous();
        var append = await (await agent.PostAsync(new Uri("/v1/hops", UriKind.Relative), TestData.HopBatch(hop.ToEntryBytes()))).Content.ReadFromJsonAsync<JsonElement>();
        var seq = append.GetProperty("receipts")[0].GetProperty("seq").GetInt64();

        var checkpoint = await agent.GetFromJsonAsync<JsonElement>(new Uri("/v1/checkpoint", UriKind.Relative));
        var size = checkpoint.GetProperty("treeSize").GetInt64();
        var root = Convert.FromBase64String(checkpoint.GetProperty("rootHash").GetString()!);
        Assert.Contains(checkpoint.GetProperty("rootHash").GetString()!, checkpoint.GetProperty("checkpoint").GetString()!, StringComparison.Ordinal);

        var inclusion = await agent.GetFromJsonAsync<JsonElement>(new Uri($"/v1/proofs/inclusion?seq={seq}", UriKind.Relative));
        var path = inclusion.GetProperty("auditPath").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
        Assert.True(MerkleProofs.VerifyInclusion(seq, size, hop.LeafHash(), path, root));

        var consistency = await agent.GetFromJsonAsync<JsonElement>(new Uri($"/v1/proofs/consistency?from=1&to={size}", UriKind.Relative));
        var proof = consistency.GetProperty("proof").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
        Assert.True(MerkleProofs.VerifyConsistency(1, size, proof, Convert.FromBase64String(consistency.GetProperty("fromRoot").GetString()!), root));

        var logKey = await agent.GetFromJsonAsync<JsonElement>(new Uri("/v1/log-key", UriKind.Relative));
        Assert.StartsWith(logKey.GetProperty("origin").GetString()!, checkpoint.GetProperty("checkpoint").GetString()!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/proofs/inclusion", "seq")]
    [InlineData("/v1/proofs/inclusion?seq=-1", "seq")]
    [InlineData("/v1/proofs/inclusion?seq=5&size=5", "size")]
    [InlineData("/v1/proofs/consistency", "from")]
    [InlineData("/v1/proofs/consistency?from=3&to=2", "to")]
    public async Task Proofs_BadParameters_AreValidationProblems(string url, string field)
    {
        using var client = host.Anonymous();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Proofs_BeyondTheLog_AreRefusedByTheLedger()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var party = await admin.PostAsJsonAsync("/v1/parties", new { gln = TestData.Gln(1), name = "Test Pharma", role = "manufacturer" });
        Assert.Equal(HttpStatusCode.Created, party.StatusCode);
        using var client = host.Anonymous();
        using var response = await client.GetAsync(new Uri("/v1/proofs/inclusion?seq=1000", UriKind.Relative));
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("1000", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_ForPartners_AreTheSignedBytesAndOfflineBundles()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var key = await TestData.RegisterDeviceAsync(host, "dev-1");
        var hop = SignedHop.Create(TestData.Hop("dev-1", 1, 1), key);
        using var agent = host.Anonymous();
        var append = await (await agent.PostAsync(new Uri("/v1/hops", UriKind.Relative), TestData.HopBatch(hop.ToEntryBytes()))).Content.ReadFromJsonAsync<JsonElement>();
        var seq = append.GetProperty("receipts")[0].GetProperty("seq").GetInt64();

        using var pharmacy = await host.ClientAsync(GatewayRoles.Pharmacy);
        Assert.Equal(hop.ToEntryBytes(), await pharmacy.GetByteArrayAsync(new Uri($"/v1/entries/{seq}", UriKind.Relative)));
        var bundle = TraceChain.Protocol.Proofs.ProofBundle.Parse(await pharmacy.GetByteArrayAsync(new Uri($"/v1/entries/{seq}/bundle", UriKind.Relative)));
        Assert.Equal(hop.ToEntryBytes(), bundle.Entry);

        using var missing = await pharmacy.GetAsync(new Uri("/v1/entries/999", UriKind.Relative));
        await Problems.AssertProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PackHistory_ForPartners_ListsHopsNewestFirstWithProofsToTheCheckpoint()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var key = await TestData.RegisterDeviceAsync(host, "dev-1");
        var hops = new[] { SignedHop.Create(TestData.Hop("dev-1", 1, 1), key), SignedHop.Create(TestData.Hop("dev-1", 2, 2), key), SignedHop.Create(TestData.Hop("dev-1", 3, 1), key) };
        using var agent = host.Anonymous();
        using var append = await agent.PostAsync(new Uri("/v1/hops", UriKind.Relative), TestData.HopBatch([.. hops.Select(h => h.ToEntryBytes())]));
        append.EnsureSuccessStatusCode();

        using var distributor = await host.ClientAsync(GatewayRoles.Distributor);
        var pack = hops[0].Hop.Identifiers[0];
        var history = await distributor.GetFromJsonAsync<JsonElement>(new Uri($"/v1/packs/{Uri.EscapeDataString(pack)}/history", UriKind.Relative));
        Assert.Equal(pack, history.GetProperty("itemKey").GetString());
        var size = history.GetProperty("treeSize").GetInt64();
        var root = Convert.FromBase64String(history.GetProperty("rootHash").GetString()!);
        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.True(entries.Count >= 2);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(hops[2].ToEntryBytes()), entries[0].GetProperty("entry").GetString());
        Assert.Equal(System.Text.Encoding.UTF8.GetString(hops[0].ToEntryBytes()), entries[1].GetProperty("entry").GetString());
        foreach (var entry in entries)
        {
            var path = entry.GetProperty("auditPath").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
            var leaf = MerkleHash.Leaf(System.Text.Encoding.UTF8.GetBytes(entry.GetProperty("entry").GetString()!));
            Assert.True(MerkleProofs.VerifyInclusion(entry.GetProperty("seq").GetInt64(), size, leaf, path, root));
        }

        using var unknown = await distributor.GetAsync(new Uri($"/v1/packs/{Uri.EscapeDataString(TraceChain.Protocol.Hops.PackIdentifier.ForGtinSerial(TestData.Gtin(5), "NOPE"))}/history", UriKind.Relative));
        await Problems.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("gtin:123:ser:A", null, "itemKey")]
    [InlineData("pack-1", null, "itemKey")]
    [InlineData("VALID", 0, "limit")]
    [InlineData("VALID", 1001, "limit")]
    public async Task PackHistory_BadParameters_AreValidationProblems(string itemKey, int? limit, string field)
    {
        using var regulator = await host.ClientAsync(GatewayRoles.Regulator);
        var key = itemKey == "VALID" ? TraceChain.Protocol.Hops.PackIdentifier.ForGtinSerial(TestData.Gtin(1), "S1") : itemKey;
        using var response = await regulator.GetAsync(new Uri($"/v1/packs/{Uri.EscapeDataString(key)}/history{(limit is null ? "" : $"?limit={limit}")}", UriKind.Relative));
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Verifications_AsPharmacy_GiveThePartnerVerdictAndCountChecks()
    {
        using var key = await TestData.RegisterDeviceAsync(host, "dev-1");
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var party = await admin.PostAsJsonAsync("/v1/parties", new { gln = TestData.Gln(3), name = "Counter Pharmacy", role = "pharmacy" });
        party.EnsureSuccessStatusCode();
        using var pharmacy = await host.ClientAsync(GatewayRoles.Pharmacy);
        var scan = $"https://id.example/01/{TestData.Gtin(1)}/10/B1/21/S1?17=301231";

        using var first = await pharmacy.PostAsJsonAsync("/v1/verifications", new { scan });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var verdict = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("genuine", verdict.GetProperty("code").GetString());

        using var mismatch = await pharmacy.PostAsJsonAsync("/v1/verifications", new { identifier = TraceChain.Protocol.Hops.PackIdentifier.ForGtinSerial(TestData.Gtin(1), "S1"), batch = "B7" });
        Assert.Equal("batch_mismatch", (await mismatch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        using var unknown = await pharmacy.PostAsJsonAsync("/v1/verifications", new { identifier = TraceChain.Protocol.Hops.PackIdentifier.ForGtinSerial(TestData.Gtin(1), "NOPE") });
        Assert.Equal("unknown_serial", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task BulkVerifications_AnswerPerItemInOrder_AndAnUnreadableCodeFailsOnlyItself()
    {
        using var key = await TestData.RegisterDeviceAsync(host, "dev-1");
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var party = await admin.PostAsJsonAsync("/v1/parties", new { gln = TestData.Gln(2), name = "Wholesale", role = "distributor" });
        party.EnsureSuccessStatusCode();
        using var distributor = await host.ClientAsync(GatewayRoles.Distributor);
        using var response = await distributor.PostAsJsonAsync("/v1/verifications/bulk", new
        {
            items = new object[]
            {
                new { identifier = TraceChain.Protocol.Hops.PackIdentifier.ForGtinSerial(TestData.Gtin(1), "S1") },
                new { scan = "https://id.example/01/123/21/X" },
                new { identifier = TraceChain.Protocol.Hops.PackIdentifier.ForGtinSerial(TestData.Gtin(1), "NOPE") },
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal("genuine", results[0].GetProperty("verdict").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(results[1].GetProperty("error").GetString()));
        Assert.Equal("unknown_serial", results[2].GetProperty("verdict").GetProperty("code").GetString());

        using var empty = await distributor.PostAsJsonAsync("/v1/verifications/bulk", new { items = Array.Empty<object>() });
        var problem = await Problems.AssertProblemAsync(empty, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("items", out _), problem.ToString());
    }

    [Theory]
    [InlineData("{}", "scan")]
    [InlineData("{\"scan\":\"x\",\"expiry\":\"2030-12-31\"}", "expiry")]
    public async Task Verifications_Invalid_AreNamedInTheProblem(string body, string field)
    {
        using var pharmacy = await host.ClientAsync(GatewayRoles.Pharmacy);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await pharmacy.PostAsync(new Uri("/v1/verifications", UriKind.Relative), content);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Batches_Commissioned_ReturnScratchCodesOnceAndRefuseForeignGtins()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        await TestData.RegisterManufacturerAsync(admin);
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        using var response = await manufacturer.PostAsJsonAsync("/v1/batches", new
        {
            gtin = TestData.Gtin(7), lot = "L7", expiry = "301200", count = 3, scratchCodes = true,
            product = new { name = "Ibuprofen", strength = "200 mg", form = "tablet", packSize = 24 },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var packs = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("packs").EnumerateArray().ToList();
        Assert.Equal(3, packs.Count);
        Assert.All(packs, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("scratchCode").GetString())));

        using var foreign = await manufacturer.PostAsJsonAsync("/v1/batches", new
        {
            gtin = CheckDigitOf("0500000000001"), lot = "L1", expiry = "301200", count = 1,
            product = new { name = "Copy", strength = "1 mg", form = "tablet", packSize = 1 },
        });
        await Problems.AssertProblemAsync(foreign, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("gtin", "123")]
    [InlineData("expiry", "2030")]
    [InlineData("count", "0")]
    [InlineData("product.name", "")]
    public async Task Batches_Invalid_AreNamedInTheProblem(string field, string value)
    {
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        using var response = await manufacturer.PostAsJsonAsync("/v1/batches", new
        {
            gtin = field == "gtin" ? value : TestData.Gtin(7),
            lot = "L7",
            expiry = field == "expiry" ? value : "301200",
            count = field == "count" ? 0 : 3,
            product = new { name = field == "product.name" ? value : "Ibuprofen", strength = "200 mg", form = "tablet", packSize = 24 },
        });
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task CompanyPrefix_Registered_IsALogEntryNamingTheManufacturerAndThePrefix()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using (var party = await admin.PostAsJsonAsync("/v1/parties", new { gln = TestData.Gln(1), name = "Test Pharma", role = "manufacturer" }))
        {
            party.EnsureSuccessStatusCode();
        }

        using var registered = await admin.PostAsJsonAsync("/v1/company-prefixes", new { prefix = "4711000", partyGln = TestData.Gln(1) });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var seq = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seq").GetInt64();
        Assert.Equal($"/v1/entries/{seq}", registered.Headers.Location?.OriginalString);
        using var regulator = await host.ClientAsync(GatewayRoles.Regulator);
        using var entry = JsonDocument.Parse(await regulator.GetByteArrayAsync(new Uri($"/v1/entries/{seq}", UriKind.Relative)));
        Assert.Equal("company_prefix_registered", entry.RootElement.GetProperty("kind").GetString());
        Assert.Equal(TestData.Gln(1), entry.RootElement.GetProperty("manufacturer").GetString());
        Assert.Equal("4711000", entry.RootElement.GetProperty("prefix").GetString());
        using var proof = await regulator.GetAsync(new Uri($"/v1/proofs/inclusion?seq={seq}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, proof.StatusCode);
    }

    [Fact]
    public async Task CompanyPrefixes_InvalidOrTaken_AreProblems()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var invalid = await admin.PostAsJsonAsync("/v1/company-prefixes", new { prefix = "12", partyGln = TestData.Gln(1) });
        var problem = await Problems.AssertProblemAsync(invalid, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("prefix", out _), problem.ToString());

        await TestData.RegisterManufacturerAsync(admin);
        using var taken = await admin.PostAsJsonAsync("/v1/company-prefixes", new { prefix = TestData.CompanyPrefix, partyGln = TestData.Gln(1) });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
    }

    private static string CheckDigitOf(string body) => TraceChain.Protocol.Gs1.CheckDigit.Append(body);

    [Fact]
    public async Task Recalls_ByManufacturer_MakeConsumersAndPharmaciesSeeRecalled()
    {
        using var key = await TestData.RegisterDeviceAsync(host, "dev-1");
        using var manufacturer = await host.ClientAsync(GatewayRoles.Manufacturer);
        using var recall = await manufacturer.PostAsJsonAsync("/v1/recalls", new { gtin = TestData.Gtin(1), lot = "B1", reason = "contamination" });
        Assert.Equal(HttpStatusCode.OK, recall.StatusCode);
        Assert.Equal(1, (await recall.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batches").GetInt32());

        using var consumer = host.Anonymous();
        consumer.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var verdict = await consumer.GetFromJsonAsync<JsonElement>(new Uri($"/01/{TestData.Gtin(1)}/10/B1/21/S2", UriKind.Relative));
        Assert.Equal("recalled", verdict.GetProperty("code").GetString());

        using var invalid = await manufacturer.PostAsJsonAsync("/v1/recalls", new { gtin = TestData.Gtin(1), lot = "B1", reason = "" });
        var problem = await Problems.AssertProblemAsync(invalid, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), problem.ToString());
    }

    [Fact]
    public async Task Alerts_RaisedByAnUnknownSerial_AreListedAndClosedWithRootCause()
    {
        using var key = await TestData.RegisterDeviceAsync(host, "dev-1");
        using var agent = host.Anonymous();
        using var append = await agent.PostAsync(new Uri("/v1/hops", UriKind.Relative), TestData.HopBatch(SignedHop.Create(TestData.Hop("dev-1", 1, 99), key).ToEntryBytes()));
        Assert.Equal("refused", (await append.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipts")[0].GetProperty("status").GetString());

        using var regulator = await host.ClientAsync(GatewayRoles.Regulator);
        var alerts = await regulator.GetFromJsonAsync<JsonElement>(new Uri("/v1/alerts?code=unknown_serial&open=true", UriKind.Relative));
        var alert = alerts.EnumerateArray().Single();
        Assert.Equal(TraceChain.Protocol.Hops.PackIdentifier.ForGtinSerial(TestData.Gtin(1), "S99"), alert.GetProperty("identifier").GetString());

        using var badCause = await regulator.PostAsJsonAsync($"/v1/alerts/{alert.GetProperty("id").GetInt64()}/close", new { rootCause = "aliens" });
        var problem = await Problems.AssertProblemAsync(badCause, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rootCause", out _), problem.ToString());

        using var close = await regulator.PostAsJsonAsync($"/v1/alerts/{alert.GetProperty("id").GetInt64()}/close", new { rootCause = "technical", note = "scanner test" });
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        var open = await regulator.GetFromJsonAsync<JsonElement>(new Uri("/v1/alerts?code=unknown_serial&open=true", UriKind.Relative));
        Assert.Equal(0, open.GetArrayLength());

        using var badCode = await regulator.GetAsync(new Uri("/v1/alerts?code=Not-A-Code", UriKind.Relative));
        await Problems.AssertProblemAsync(badCode, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PackOperations_AnswerThePackOutcomeAndTheLifecycleRefusal()
    {
        using var key = await TestData.RegisterDeviceAsync(host, "dev-1");
        using var agent = host.Anonymous();
        using var observed = await agent.PostAsync(new Uri("/v1/packs/operations", UriKind.Relative), Json(SignedHop.Create(TestData.Hop("dev-1", 1, 1), key).ToEntryBytes()));
        Assert.Equal(HttpStatusCode.OK, observed.StatusCode);
        var ok = await observed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, ok.GetProperty("refusal").ValueKind);
        Assert.Equal(TraceChain.Protocol.Hops.PackIdentifier.ForGtinSerial(TestData.Gtin(1), "S1"), ok.GetProperty("packs")[0].GetProperty("identifier").GetString());

        // The manufacturer's own scanner may not dispense: only pharmacies do.
        var dispense = TestData.HopFor("dev-1", 2, TestData.Gtin(1), "S2", TraceChain.Protocol.Hops.BizStep.Dispensing, TraceChain.Protocol.Hops.Disposition.Dispensed);
        using var refused = await agent.PostAsync(new Uri("/v1/packs/operations", UriKind.Relative), Json(SignedHop.Create(dispense, key).ToEntryBytes()));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var outcome = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.String, outcome.GetProperty("refusal").GetProperty("code").ValueKind);
        Assert.Equal(JsonValueKind.Null, outcome.GetProperty("receipt").GetProperty("seq").ValueKind);

        using var broken = await agent.PostAsync(new Uri("/v1/packs/operations", UriKind.Relative), Json("{\"hop\":1}"u8.ToArray()));
        var problem = await Problems.AssertProblemAsync(broken, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), problem.ToString());
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    [Fact]
    public async Task Parties_Register_AnswersCreatedEntryAndRefusesDuplicate()
    {
        using var regulator = await host.ClientAsync(GatewayRoles.Regulator);
        var party = new { gln = TestData.Gln(7), name = "Counter Pharmacy", role = "pharmacy", latitude = 39.9, longitude = 116.4 };
        using var created = await regulator.PostAsJsonAsync("/v1/parties", party);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var seq = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seq").GetInt64();
        Assert.Equal($"/v1/entries/{seq}", created.Headers.Location?.OriginalString);

        using var again = await regulator.PostAsJsonAsync("/v1/parties", party);
        var problem = await Problems.AssertProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.Contains("already registered", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4012345000018", "Name", "pharmacy", null, null, "gln")]
    [InlineData("401234500001", "Name", "pharmacy", null, null, "gln")]
    [InlineData("GLN", "Name", "pharmacy", null, null, "gln")]
    [InlineData(null, "Name", "pharmacy", null, null, "gln")]
    [InlineData("VALID", "", "pharmacy", null, null, "name")]
    [InlineData("VALID", "Name", "wizard", null, null, "role")]
    [InlineData("VALID", "Name", "pharmacy", 91.0, 0.0, "latitude")]
    [InlineData("VALID", "Name", "pharmacy", 10.0, null, "longitude")]
    public async Task Parties_InvalidFields_AreNamedInTheProblem(string? gln, string name, string role, double? latitude, double? longitude, string field)
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var response = await admin.PostAsJsonAsync("/v1/parties", new { gln = gln == "VALID" ? TestData.Gln(8) : gln, name, role, latitude, longitude });
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Devices_RotateAndRevoke_ChangeWhichHopsAreAccepted()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var oldKey = await TestData.RegisterDeviceAsync(host, "dev-1");
        using var newKey = DeviceKeys.Create();
        using var rotated = await admin.PostAsJsonAsync("/v1/devices/dev-1/keys", new { publicKey = DeviceKeys.ExportPublicKey(newKey) });
        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);

        using var agent = host.Anonymous();
        var receipts = await (await agent.PostAsync(new Uri("/v1/hops", UriKind.Relative), TestData.HopBatch(
            SignedHop.Create(TestData.Hop("dev-1", 1, 1), oldKey).ToEntryBytes(),
            SignedHop.Create(TestData.Hop("dev-1", 2, 2), newKey).ToEntryBytes()))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("refused", receipts.GetProperty("receipts")[0].GetProperty("status").GetString());
        Assert.Equal("accepted", receipts.GetProperty("receipts")[1].GetProperty("status").GetString());

        using var revoked = await admin.PostAsync(new Uri("/v1/devices/dev-1/revoke", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, revoked.StatusCode);
        var after = await (await agent.PostAsync(new Uri("/v1/hops", UriKind.Relative), TestData.HopBatch(
            SignedHop.Create(TestData.Hop("dev-1", 3, 3), newKey).ToEntryBytes()))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("device_revoked", after.GetProperty("receipts")[0].GetProperty("reason").GetString());

        using var twice = await admin.PostAsync(new Uri("/v1/devices/dev-1/revoke", UriKind.Relative), null);
        await Problems.AssertProblemAsync(twice, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("dev 1", "VALIDGLN", "VALIDKEY", "deviceId")]
    [InlineData("dev-1", "123", "VALIDKEY", "partyGln")]
    [InlineData("dev-1", "VALIDGLN", "bm90IGEga2V5", "publicKey")]
    [InlineData("dev-1", "VALIDGLN", null, "publicKey")]
    public async Task Devices_InvalidFields_AreNamedInTheProblem(string deviceId, string partyGln, string? publicKey, string field)
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var key = DeviceKeys.Create();
        using var response = await admin.PostAsJsonAsync("/v1/devices", new
        {
            deviceId,
            partyGln = partyGln == "VALIDGLN" ? TestData.Gln(1) : partyGln,
            publicKey = publicKey == "VALIDKEY" ? DeviceKeys.ExportPublicKey(key) : publicKey,
        });
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Devices_OfUnknownParty_AreRefusedByTheLedger()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var key = DeviceKeys.Create();
        using var response = await admin.PostAsJsonAsync("/v1/devices", new { deviceId = "dev-9", partyGln = TestData.Gln(9), publicKey = DeviceKeys.ExportPublicKey(key) });
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not registered", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeys_Issued_WorkUntilRevoked()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var created = await admin.PostAsJsonAsync("/v1/api-keys", new { role = "regulator", subject = TestData.Gln(4) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var keyId = body.GetProperty("keyId").GetString()!;
        Assert.StartsWith(keyId + ".", key, StringComparison.Ordinal);

        using var regulator = host.Anonymous();
        regulator.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var allowed = await regulator.PostAsJsonAsync("/v1/parties", new { gln = TestData.Gln(5), name = "Wholesale", role = "distributor" });
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);

        using var revoke = await admin.DeleteAsync(new Uri($"/v1/api-keys/{keyId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        using var refused = await regulator.PostAsJsonAsync("/v1/parties", new { gln = TestData.Gln(6), name = "Wholesale 2", role = "distributor" });
        await Problems.AssertProblemAsync(refused, HttpStatusCode.Unauthorized);

        using var unknown = await admin.DeleteAsync(new Uri($"/v1/api-keys/{keyId[..^1]}{(keyId[^1] == '0' ? '1' : '0')}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("wizard", "ops", "role")]
    [InlineData("pharmacy", "ops", "subject")]
    [InlineData("admin", "", "subject")]
    [InlineData("admin", "two words", "subject")]
    public async Task ApiKeys_InvalidRequest_IsNamedInTheProblem(string role, string subject, string field)
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var response = await admin.PostAsJsonAsync("/v1/api-keys", new { role, subject });
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ApiKeys_RevokeMalformedId_IsValidationProblem()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var response = await admin.DeleteAsync(new Uri("/v1/api-keys/nonsense", UriKind.Relative));
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("keyId", out _), problem.ToString());
    }

    [Fact]
    public async Task Keys_AreStoredOnlyAsHashes()
    {
        var key = await host.KeyAsync(GatewayRoles.Pharmacy);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var stored = new System.Text.StringBuilder();
        foreach (var file in Directory.EnumerateFiles(host.Directory, "*.db*"))
        {
            stored.Append(System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
        }

        Assert.Contains(GatewayKeys.KeyIdOf(key), stored.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, stored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyLimit_LargeRegistryBody_Is413Problem()
    {
        using var admin = await host.ClientAsync(GatewayRoles.Admin);
        using var response = await admin.PostAsJsonAsync("/v1/parties", new { gln = TestData.Gln(1), name = new string('x', 100_000), role = "pharmacy" });
        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
