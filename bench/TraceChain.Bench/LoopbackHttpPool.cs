using System.Collections.Concurrent;
using System.Net;

namespace TraceChain.Bench;

/// <summary>
/// Kept-alive <see cref="LoopbackHttpConnection"/>s to one server, each used by one request at a time: a request
/// takes an idle connection or opens one, and gives it back once answered (so there are as many as requests in flight).
/// </summary>
public sealed class LoopbackHttpPool(IPEndPoint server) : IDisposable
{
    private readonly ConcurrentBag<LoopbackHttpConnection> idle = [];

    /// <summary>Sends <paramref name="request"/>; throws <see cref="HttpRequestException"/> unless it is answered 200.</summary>
    public async Task ExpectOkAsync(byte[] request, CancellationToken cancellationToken)
    {
        var connection = idle.TryTake(out var kept) ? kept : await LoopbackHttpConnection.OpenAsync(server, cancellationToken);
        int status;
        try
        {
            status = await connection.ExchangeAsync(request, cancellationToken);
        }
        catch
        {
            connection.Dispose(); // its state is unknown: a half-read response must not be read as the next one
            throw;
        }

        idle.Add(connection);
        if (status != 200)
        {
            throw new HttpRequestException($"answered {status}, expected 200", null, (HttpStatusCode)status);
        }
    }

    public void Dispose()
    {
        while (idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
