using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TraceGateway.Tests.Support;

/// <summary>
/// Counts the request body bytes the application pulled, per request, in front of the whole pipeline (a startup
/// filter): what the server read, not what the client or socket buffers took.
/// </summary>
public sealed class RequestBodyMeter : IStartupFilter
{
    private long lastRequestBytes = -1;

    /// <summary>Body bytes the last finished request read; -1 before any.</summary>
    public long LastRequestBytes => Interlocked.Read(ref lastRequestBytes);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            var counting = new CountingStream(context.Request.Body);
            context.Request.Body = counting;
            try
            {
                await following(context);
            }
            finally
            {
                Interlocked.Exchange(ref lastRequestBytes, counting.Count);
            }
        });
        next(app);
    };

    private sealed class CountingStream(Stream inner) : Stream
    {
        private long count;

        public long Count => Interlocked.Read(ref count);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Count;
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Interlocked.Add(ref count, read);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Interlocked.Add(ref this.count, read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
