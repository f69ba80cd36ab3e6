using System.Net;
using System.Net.Sockets;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Endpoints;

public sealed class LedgerOutageTests
{
    [Fact]
    public async Task RemoteLedgerDown_ReadyzAndCalls_Answer503WithoutInternals()
    {
        // A port that was free a moment ago: nothing listens there.
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var directory = Directory.CreateTempSubdirectory("gateway-outage-").FullName;
        await using var host = await GatewayHost.StartAsync(LedgerMode.Embedded, new Dictionary<string, string?>
        {
            ["Ledger:Url"] = $"http://127.0.0.1:{port}/",
            ["Ledger:KeysDatabase"] = Path.Combine(directory, "keys.db"),
        });
        using var client = host.Anonymous();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        await Problems.AssertProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        using var checkpoint = await client.GetAsync(new Uri("/v1/checkpoint", UriKind.Relative));
        var problem = await Problems.AssertProblemAsync(checkpoint, HttpStatusCode.ServiceUnavailable);
        Assert.DoesNotContain("127.0.0.1", problem.ToString(), StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
