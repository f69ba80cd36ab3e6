using ScannerAgent.Uplink;

namespace ScannerAgent.Tests.Uplink;

/// <summary>One reading of the servers' error answers for the uplink, registration and labels.</summary>
public sealed class GatewayHttpTests
{
    [Theory]
    [InlineData("""{"title":"Not found","status":404,"detail":"batch NOPE of 09501101020917 is unknown"}""", "batch NOPE of 09501101020917 is unknown")]
    [InlineData("""{"title":"One or more validation errors occurred.","errors":{"Gln":["must be 13 digits"],"Role":["unknown role"]}}""", "must be 13 digits; unknown role")]
    [InlineData("""{"title":"Unauthorized","status":401}""", "Unauthorized")]
    [InlineData("upstream timed out", "upstream timed out")]
    [InlineData("[1,2]", "[1,2]")]
    public void Problem_ReadsErrorsThenDetailThenTitle_ElseTheBody(string body, string expected) =>
        Assert.Equal(expected, GatewayHttp.Problem(body));

    [Fact]
    public void Problem_LongBodyThatIsNotJson_IsCut() =>
        Assert.Equal(new string('x', 200) + "…", GatewayHttp.Problem(new string('x', 500)));

    [Fact]
    public async Task Send_NobodyListening_IsAGatewayExceptionNamingTheUrl()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/hops");

        var e = await Assert.ThrowsAsync<GatewayException>(() => GatewayHttp.SendAsync(http, request, CancellationToken.None));

        Assert.StartsWith($"http://127.0.0.1:{port}/v1/hops is unreachable: ", e.Message, StringComparison.Ordinal);
    }
}
