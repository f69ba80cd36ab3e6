using System.Net;
using TraceGateway.Security;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task PublicEndpoints_OverTheLimit_Answer429ProblemWithRetryAfter()
    {
        await using var host = await GatewayHost.StartAsync(LedgerMode.Embedded, new Dictionary<string, string?>
        {
            ["RateLimits:PerClientPermits"] = "3",
            ["RateLimits:WindowSeconds"] = "3600",
        });
        using var client = host.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync(new Uri("/v1/checkpoint", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await client.GetAsync(new Uri("/v1/log-key", UriKind.Relative));
        await Problems.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);

        // Partners are identified by their key (and can be revoked), so the per-address limit does not apply.
        using var partner = await host.ClientAsync(GatewayRoles.Pharmacy);
        using var allowed = await partner.GetAsync(new Uri("/v1/checkpoint", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
