using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TraceGateway.Security;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Security;

/// <summary>
/// Every endpoint x every caller (anonymous and each role): allowed callers get past authorization (bodies are
/// deliberately invalid so nothing changes and validation answers 400), others get 401 (no key) or 403 (wrong role).
/// </summary>
public sealed class AuthorizationMatrixTests(SharedGateway shared) : IClassFixture<SharedGateway>
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Everyone = [Anonymous, .. GatewayRoles.All];
    private static readonly string[] Partners = [.. GatewayRoles.All];
    private static readonly string[] RegistryRoles = [GatewayRoles.Regulator, GatewayRoles.Admin];
    private static readonly string[] AdminOnly = [GatewayRoles.Admin];
    private static readonly string[] PartyMembers = [GatewayRoles.Manufacturer, GatewayRoles.Distributor, GatewayRoles.Pharmacy, GatewayRoles.Regulator];
    private static readonly string[] ManufacturerOnly = [GatewayRoles.Manufacturer];
    private static readonly string[] Recallers = [GatewayRoles.Manufacturer, GatewayRoles.Regulator];

    private static readonly (string Method, string Url, string? Body, string[] Allowed)[] Endpoints =
    [
        ("GET", "/healthz", null, Everyone),
        ("GET", "/readyz", null, Everyone),
        ("GET", "/openapi/v1.json", null, Everyone),
        ("POST", "/v1/hops", "{\"hops\":[]}", Everyone),
        ("POST", "/v1/packs/operations", "{}", Everyone),
        ("GET", "/v1/checkpoint", null, Everyone),
        ("GET", "/v1/log-key", null, Everyone),
        ("GET", "/v1/proofs/inclusion", null, Everyone),
        ("GET", "/v1/proofs/consistency", null, Everyone),
        ("GET", "/verify", null, Everyone),
        ("GET", "/01/04006380000421/21/S1", null, Everyone),
        ("GET", "/v1/entries/0", null, Partners),
        ("GET", "/v1/entries/0/bundle", null, Partners),
        ("GET", "/v1/packs/gtin:00000000000000:ser:X/history", null, Partners),
        ("POST", "/v1/verifications", "{}", PartyMembers),
        ("POST", "/v1/verifications/bulk", "{}", PartyMembers),
        ("POST", "/v1/company-prefixes", "{}", RegistryRoles),
        ("POST", "/v1/batches", "{}", ManufacturerOnly),
        ("GET", "/v1/batches/04006380000421/B1/labels", null, ManufacturerOnly),
        ("POST", "/v1/recalls", "{}", Recallers),
        ("GET", "/v1/alerts?limit=0", null, RegistryRoles),
        ("POST", "/v1/alerts/1/close", "{}", RegistryRoles),
        ("POST", "/v1/parties", "{}", RegistryRoles),
        ("POST", "/v1/devices", "{}", RegistryRoles),
        ("POST", "/v1/devices/dev-1/keys", "{}", RegistryRoles),
        ("POST", "/v1/devices/dev%201/revoke", null, RegistryRoles),
        ("POST", "/v1/counter-devices", "{}", RegistryRoles),
        ("POST", "/v1/api-keys", "{}", AdminOnly),
        ("DELETE", "/v1/api-keys/nonsense", null, AdminOnly),
    ];

    private GatewayHost Host => shared.Host;

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, url, _, _) in Endpoints)
        {
            foreach (var caller in Everyone)
            {
                data.Add(method, url, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_AdmitsExactlyItsRoles(string method, string url, string caller)
    {
        var endpoint = Endpoints.Single(e => e.Method == method && e.Url == url);
        using var client = Host.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (caller != Anonymous)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", await Host.KeyAsync(caller));
        }

        if (endpoint.Body is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        if (endpoint.Allowed.Contains(caller))
        {
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{caller} refused on {method} {url}: {response.StatusCode}");
            Assert.True((int)response.StatusCode < 500, $"{method} {url} failed: {response.StatusCode}");
        }
        else
        {
            await Problems.AssertProblemAsync(response, caller == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task WrongKey_OnProtectedEndpoint_Is401EvenWithXApiKey()
    {
        using var client = Host.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", "tlk_0000000000000000.forged");
        using var response = await client.GetAsync(new Uri("/v1/entries/0", UriKind.Relative));
        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task LedgerRegistryKey_IsNotAGatewayKey()
    {
        var ledgerKey = await Host.Services.GetRequiredService<TraceGateway.LedgerAccess.EmbeddedLedgerHost>().Ledger.ApiKeys.CreateAsync("ops-person", CancellationToken.None);
        using var client = Host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ledgerKey);
        using var response = await client.PostAsync(new Uri("/v1/parties", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
