namespace TraceChain.Serial;

/// <summary>
/// A serial port over termios with one dedicated reader thread. The thread opens the device (raw, 8N1, VMIN=0,
/// VTIME=1..2), hands received bytes to <see cref="DataReceived"/>, and when the device disappears (read error
/// EIO, hang-up, or open failing with ENOENT) closes it and retries the open with exponential backoff on the
/// <see cref="TimeProvider"/> until it is back. <see cref="Dispose"/> stops the thread within about VTIME plus
/// the time a handler takes. Several ports per process are fine: each has its own thread.
/// </summary>
public sealed class TtySerialPort : IDisposable
{
    private readonly SerialPortOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Thread? _reader;
    private TtyHandle? _handle;
    private volatile bool _disposed;

    /// <summary>Creates a port; nothing is opened until <see cref="Open"/> or <see cref="Start"/>.</summary>
    public TtySerialPort(SerialPortOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Bytes received, on the reader thread; keep handlers short.</summary>
    public event SerialDataHandler? DataReceived;

    /// <summary>Raised on the reader thread each time the device is opened.</summary>
    public event EventHandler<SerialConnectionEventArgs>? Connected;

    /// <summary>Raised on the reader thread when an open device goes away (Error says why) or the port is disposed.</summary>
    public event EventHandler<SerialConnectionEventArgs>? Disconnected;

    /// <summary>Raised on the reader thread when an open attempt fails; the next attempt follows after a backoff.</summary>
    public event EventHandler<SerialConnectionEventArgs>? ConnectFailed;

    /// <summary>Raised when a <see cref="DataReceived"/> handler throws; the reader keeps running.</summary>
    public event EventHandler<SerialConnectionEventArgs>? HandlerFailed;

    /// <summary>The device path.</summary>
    public string Device => _options.Device;

    /// <summary>The options in use.</summary>
    public SerialPortOptions Options => _options;

    /// <summary>True while the device is open.</summary>
    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _handle is not null;
            }
        }
    }

    /// <summary>The last open, read or write error, if any.</summary>
    public SerialPortException? LastError { get; private set; }

    /// <summary>Opens the device now, throwing a clear <see cref="SerialPortException"/> if it cannot, then starts reading.</summary>
    public void Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var handle = TtyHandle.Open(_options);
        lock (_gate)
        {
            _handle = handle;
        }

        StartThread(initiallyConnected: true);
    }

    /// <summary>Starts the reader thread, which opens the device in the background (retrying while it is absent).</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        StartThread(initiallyConnected: false);
    }

    /// <summary>Writes all bytes; throws a <see cref="SerialPortException"/> when the device is not open or the write fails.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_handle is null)
            {
                throw new SerialPortException($"cannot write to {Device}: not connected");
            }

            try
            {
                _handle.Write(data);
            }
            catch (SerialPortException ex)
            {
                LastError = ex;
                throw;
            }
        }
    }

    /// <summary>Drops bytes received but not yet read (tcflush TCIFLUSH).</summary>
    public void DiscardInput()
    {
        lock (_gate)
        {
            _handle?.DiscardInput();
        }
    }

    /// <summary>The termios settings actually applied: baud, whether raw 8N1, VMIN and VTIME.</summary>
    public (int Baud, bool Raw8N1, byte VMin, byte VTime) ReadAppliedSettings()
    {
        lock (_gate)
        {
            return _handle?.ReadSettings() ?? throw new SerialPortException($"cannot read settings of {Device}: not connected");
        }
    }

    /// <summary>Stops the reader thread (bounded by VTIME) and closes the device.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        var stopped = _reader is null;
        if (_reader is not null && _reader != Thread.CurrentThread)
        {
            stopped = _reader.Join(TimeSpan.FromSeconds(5));
        }

        CloseHandle(null, raise: _reader is null);
        if (stopped)
        {
            _stop.Dispose();
        }
    }

    private void StartThread(bool initiallyConnected)
    {
        lock (_gate)
        {
            if (_reader is not null)
            {
                throw new InvalidOperationException($"{Device} is already started");
            }

            _reader = new Thread(() => ReadLoop(initiallyConnected))
            {
                IsBackground = true,
                Name = "tty " + Device,
            };
        }

        _reader.Start();
    }

    private void ReadLoop(bool initiallyConnected)
    {
        var buffer = new byte[4096];
        var backoff = _options.ReconnectMinDelay;
        if (initiallyConnected)
        {
            Raise(Connected, null);
        }

        while (!_stop.IsCancellationRequested)
        {
            TtyHandle? handle;
            lock (_gate)
            {
                handle = _handle;
            }

            if (handle is null)
            {
                if (!TryOpen())
                {
                    if (!_options.Reconnect)
                    {
                        break;
                    }

                    Wait(backoff);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
                }
                else
                {
                    backoff = _options.ReconnectMinDelay;
                }

                continue;
            }

            try
            {
                var n = handle.Read(buffer);
                if (n > 0)
                {
                    Deliver(buffer.AsSpan(0, n));
                }
                else if (handle.IsHungUp())
                {
                    throw SerialPortException.HungUp(Device);
                }
            }
            catch (SerialPortException ex)
            {
                // Also when stopping: an exception must never escape the thread (it would end the process).
                LastError = ex;
                CloseHandle(ex, raise: true);
                if (!_options.Reconnect)
                {
                    break;
                }
            }
        }

        CloseHandle(null, raise: true);
    }

    private bool TryOpen()
    {
        try
        {
            var handle = TtyHandle.Open(_options);
            lock (_gate)
            {
                if (_stop.IsCancellationRequested)
                {
                    handle.Dispose();
                    return false;
                }

                _handle = handle;
            }

            Raise(Connected, null);
            return true;
        }
        catch (SerialPortException ex)
        {
            LastError = ex;
            Raise(ConnectFailed, ex);
            return false;
        }
    }

    private void Deliver(ReadOnlySpan<byte> data)
    {
        try
        {
            DataReceived?.Invoke(this, data);
        }
#pragma warning disable CA1031 // A faulty handler must not kill the port's only reader thread; it is reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Raise(HandlerFailed, ex);
        }
    }

    private void CloseHandle(Exception? error, bool raise)
    {
        TtyHandle? handle;
        lock (_gate)
        {
            handle = _handle;
            _handle = null;
        }

        if (handle is null)
        {
            return;
        }

        handle.Dispose();
        if (raise)
        {
            Raise(Disconnected, error);
        }
    }

    private void Raise(EventHandler<SerialConnectionEventArgs>? handler, Exception? error)
    {
        try
        {
            handler?.Invoke(this, new SerialConnectionEventArgs(Device, error));
        }
#pragma warning disable CA1031 // See Deliver: the reader thread must survive its subscribers.
        catch (Exception ex) when (handler != HandlerFailed)
#pragma warning restore CA1031
        {
            HandlerFailed?.Invoke(this, new SerialConnectionEventArgs(Device, ex));
        }
    }

    private void Wait(TimeSpan delay)
    {
        try
        {
            Task.Delay(delay, _time, _stop.Token).Wait();
        }
        catch (AggregateException ex) when (ex.InnerException is TaskCanceledException)
        {
            // Disposed while waiting: the loop condition ends the thread.
        }
    }
}
