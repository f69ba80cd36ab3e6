using System.Text;

namespace TraceChain.Bench.Tests;

/// <summary>The lean load client tells where a response ends, for both body framings Kestrel uses, and names bad input.</summary>
public sealed class HttpResponseFramingTests
{
    [Fact]
    public void ContentLength_WholeResponse_IsFramed()
    {
        var response = Bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 7\r\n\r\n{\"a\":1}");

        Assert.True(HttpResponseFraming.TryFrame(response, out var status, out var length));
        Assert.Equal(200, status);
        Assert.Equal(response.Length, length);
    }

    [Fact]
    public void Chunked_WholeResponse_IsFramed_AndEveryShorterPrefixNeedsMore()
    {
        var response = Bytes("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nA;ext=1\r\n0123456789\r\n0\r\n\r\n");

        Assert.True(HttpResponseFraming.TryFrame(response, out var status, out var length));
        Assert.Equal((404, response.Length), (status, length));
        for (var cut = 0; cut < response.Length; cut++)
        {
            Assert.False(HttpResponseFraming.TryFrame(response.AsSpan(0, cut), out _, out _), $"complete after only {cut} bytes");
        }
    }

    [Fact]
    public void NoContent_EndsAtTheBlankLine()
    {
        var response = Bytes("HTTP/1.1 204 No Content\r\nServer: Kestrel\r\n\r\n");

        Assert.True(HttpResponseFraming.TryFrame(response, out var status, out var length));
        Assert.Equal((204, response.Length), (status, length));
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH\r\n\r\n", "status line")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n", "Content-Length 'many'")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size 'zz'")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY0\r\n\r\n", "not followed by CRLF")]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbody", "without Content-Length")]
    public void Malformed_IsRefused_NamingTheProblem(string response, string named)
    {
        var error = Assert.Throws<InvalidDataException>(() => HttpResponseFraming.TryFrame(Bytes(response), out _, out _));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);
}
