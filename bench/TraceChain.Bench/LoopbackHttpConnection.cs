using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TraceChain.Bench;

/// <summary>
/// One kept-alive HTTP/1.1 connection of a load generator: sends a request already in bytes and reads its response
/// until <see cref="HttpResponseFraming"/> says it is whole, nothing more (one request at a time, no pipelining).
/// HttpClient spent about a third of the process CPU of verify over HTTP on these 2 cores, which the server then did
/// not have; load generators such as wrk are lean for the same reason.
/// </summary>
public sealed class LoopbackHttpConnection : IDisposable
{
    private readonly Socket socket;
    private byte[] buffer = new byte[8 * 1024];

    private LoopbackHttpConnection(Socket socket) => this.socket = socket;

    /// <summary>Connects to <paramref name="endPoint"/>.</summary>
    public static async Task<LoopbackHttpConnection> OpenAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
            return new LoopbackHttpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>An HTTP/1.1 request in bytes: <paramref name="method"/> <paramref name="path"/>, the headers given, and a JSON body when one is given.</summary>
    public static byte[] Request(string method, string path, string host, IEnumerable<(string Name, string Value)> headers, string? jsonBody = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var text = new StringBuilder().Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\nHost: ").Append(host).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var body = jsonBody is null ? [] : Encoding.UTF8.GetBytes(jsonBody);
        if (jsonBody is not null)
        {
            text.Append("Content-Type: application/json\r\nContent-Length: ").Append(body.Length).Append("\r\n");
        }

        return [.. Encoding.ASCII.GetBytes(text.Append("\r\n").ToString()), .. body];
    }

    /// <summary>Sends <paramref name="request"/> and returns the status code of its response once it is whole.</summary>
    public async Task<int> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        while (!request.IsEmpty)
        {
            request = request[await socket.SendAsync(request, SocketFlags.None, cancellationToken)..];
        }

        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new IOException($"the server closed the connection after {filled} bytes of a response");
            }

            filled += read;
            if (HttpResponseFraming.TryFrame(buffer.AsSpan(0, filled), out var status, out var length))
            {
                return length == filled ? status
                    : throw new InvalidDataException($"{filled - length} bytes after the response, though only one request was sent");
            }
        }
    }

    public void Dispose() => socket.Dispose();
}
