using System.Buffers;
using System.Net.Security;
using System.Net.Sockets;
using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt.Client;

/// <summary>
/// One TCP (or TLS) connection: serialised writes and exactly one read loop. Any failure closes the
/// connection once and records the reason in <see cref="Closed"/>; callers never see a torn frame.
/// </summary>
internal sealed class MqttConnection : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly Stream stream;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly CancellationTokenSource lifetime = new();

    // Captured once: reading lifetime.Token after DisposeAsync would throw.
    private readonly CancellationToken token;
    private readonly TaskCompletionSource<Exception> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? failure;
    private long lastSent;
    private long lastReceived;

    private MqttConnection(Socket socket, Stream stream, TimeProvider time)
    {
        this.socket = socket;
        this.stream = stream;
        this.time = time;
        token = lifetime.Token;
        lastSent = lastReceived = time.GetTimestamp();
    }

    /// <summary>Completes with the reason once the connection has ended.</summary>
    public Task<Exception> Closed => closed.Task;

    /// <summary>Cancelled when the connection ends; loops bound to the connection use it.</summary>
    public CancellationToken Token => token;

    public long LastSent => Interlocked.Read(ref lastSent);

    public long LastReceived => Interlocked.Read(ref lastReceived);

    public static async Task<MqttConnection> OpenAsync(MqttClientOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken);
            Stream stream = new NetworkStream(socket, ownsSocket: false);
            if (options.Tls is { } tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = tls.TargetHost ?? options.Host,
                        RemoteCertificateValidationCallback = new PinnedCaValidator(tls.CaCertificate).Validate,
                    },
                    cancellationToken);
            }

            return new MqttConnection(socket, stream, options.TimeProvider);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes one packet. The caller's token only bounds the wait for the write lock: a write that started is
    /// never cut mid-frame. A write failure ends the connection.
    /// </summary>
    public async Task SendAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        var size = MqttPacketEncoder.GetSize(packet);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            MqttPacketEncoder.Encode(packet, buffer);
            await WaitToWriteAsync(cancellationToken);
            try
            {
                token.ThrowIfCancellationRequested();
                await stream.WriteAsync(buffer.AsMemory(0, size), token);
                Interlocked.Exchange(ref lastSent, time.GetTimestamp());
            }
            finally
            {
                writeLock.Release();
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException
            || (ex is OperationCanceledException && token.IsCancellationRequested))
        {
            Fail(ex);
            throw new MqttConnectionException("Connection to the MQTT broker lost while sending", Volatile.Read(ref failure) ?? ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Takes the write lock. Waiting also ends when the connection does, so a sender queued behind a write to a
    /// dead socket fails at once (and the caller resends on the next connection) instead of waiting its turn.
    /// </summary>
    private async Task WaitToWriteAsync(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            await writeLock.WaitAsync(token);
            return;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, token);
        try
        {
            await writeLock.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            // The caller gave up: report it with the caller's token, not the linked one.
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
    }

    /// <summary>The connection's only read loop: decodes packets and hands each to <paramref name="dispatch"/> in order.</summary>
    public async Task ReadLoopAsync(int maxPacketSize, Func<MqttPacket, ValueTask> dispatch)
    {
        var decoder = new MqttFrameDecoder(maxPacketSize);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(decoder.GetMemory(), token);
                if (read == 0)
                {
                    Fail(new MqttConnectionException("The broker closed the connection"));
                    return;
                }

                decoder.Advance(read);
                Interlocked.Exchange(ref lastReceived, time.GetTimestamp());
                while (decoder.TryRead(out var packet))
                {
                    await dispatch(packet);
                }
            }
        }
        catch (Exception ex)
        {
            // Anything here (protocol error, socket error, dispatch failure) ends this connection only.
            Fail(ex);
        }
    }

    /// <summary>Marks that the peer is alive (used while the read loop waits on a slow handler).</summary>
    public void TouchReceived() => Interlocked.Exchange(ref lastReceived, time.GetTimestamp());

    /// <summary>Ends the connection with <paramref name="reason"/>; only the first reason is kept.</summary>
    public void Fail(Exception reason)
    {
        // Cancel before Closed completes: whoever awaits Closed may dispose this connection, and every waiter
        // (write lock, reads, loops) must have been woken by then.
        if (Interlocked.CompareExchange(ref failure, reason, null) is null)
        {
            try
            {
                lifetime.Cancel();
                socket.Dispose();
            }
            finally
            {
                closed.TrySetResult(reason);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Fail(new MqttConnectionException("Connection closed by the client"));

        // Another thread may still be inside Fail (cancelling); it completes Closed last.
        await closed.Task;
        await stream.DisposeAsync();
        lifetime.Dispose();

        // writeLock is deliberately not disposed: SemaphoreSlim.Dispose drops its queued async waiters without
        // completing them, and a cancelled waiter takes itself off the queue only in a later continuation, so a
        // sender still queued here would wait forever (a QoS 1 PublishAsync then never returns, even after its
        // PUBACK came on the next connection). It holds no OS handle: AvailableWaitHandle is never used.
    }
}
