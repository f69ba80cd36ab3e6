using System.Threading.Channels;
using TraceChain.Protocol.Scanning;

namespace TraceChain.Serial.Scanning;

/// <summary>
/// Reads scans from one serial scanner in line or SSI mode. Decoding runs on the port's single reader thread:
/// in SSI mode good frames are ACKed, bad checksums NAKed (resend) and retransmitted duplicates dropped before a
/// scan reaches <see cref="Scans"/>. Host commands (beep, LED, session) wait for the scanner's ACK and are resent
/// on NAK or timeout. The port reconnects by itself; decoders restart clean on each connect.
/// </summary>
public sealed class SerialScanner : IDisposable
{
    private readonly SerialScannerOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<ScannedCode> _scans = Channel.CreateUnbounded<ScannedCode>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Lock _sync = new();
    private readonly SemaphoreSlim _commandGate = new(1, 1);
    private readonly LineDecoder _line;
    private readonly SsiDecoder _ssi = new();
    private readonly SsiReceiver _receiver = new(SsiSource.Host);
    private readonly SsiSender _sender;
    private readonly List<ScannedCode> _lineScans = [];
    private readonly List<SsiFrame> _frames = [];
    private readonly List<FramingError> _errors = [];
    private TaskCompletionSource<SsiSendStep>? _command;
    private long _duplicates;

    /// <summary>Creates the scanner reader and its port; call <see cref="Start"/> or <see cref="Open"/>.</summary>
    public SerialScanner(SerialScannerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _line = new LineDecoder(options.Line);
        _sender = new SsiSender(options.MaxRetries);
        Port = new TtySerialPort(options.Port, _time);
        Port.DataReceived += OnData;
        Port.Connected += (_, _) => ResetDecoders();
    }

    /// <summary>The underlying port: subscribe to Connected/Disconnected/ConnectFailed for link state.</summary>
    public TtySerialPort Port { get; }

    /// <summary>The mode in use.</summary>
    public ScannerMode Mode => _options.Mode;

    /// <summary>Decoded scans, in arrival order, each exactly once; completes when disposed.</summary>
    public ChannelReader<ScannedCode> Scans => _scans.Reader;

    /// <summary>Retransmitted SSI frames recognised as duplicates and not delivered again.</summary>
    public long DuplicatesDropped => Interlocked.Read(ref _duplicates);

    /// <summary>Raised on the reader thread for garbage, oversized lines and bad checksums.</summary>
    public event EventHandler<FramingErrorEventArgs>? FramingError;

    /// <summary>Opens in the background, retrying while the device is absent.</summary>
    public void Start() => Port.Start();

    /// <summary>Opens now (throwing a clear <see cref="SerialPortException"/> if impossible), then reads.</summary>
    public void Open() => Port.Open();

    /// <summary>Sends an SSI host command and waits for the scanner's ACK, resending on NAK or timeout.</summary>
    /// <returns>Delivered, Rejected (NAK denied/bad context) or GaveUp.</returns>
    /// <exception cref="InvalidOperationException">The scanner is in line mode.</exception>
    /// <exception cref="SerialPortException">The port is not connected.</exception>
    public async Task<SsiSendStep> SendCommandAsync(SsiFrame command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Mode != ScannerMode.Ssi)
        {
            throw new InvalidOperationException($"{Port.Device} is in line mode; host commands need SSI mode");
        }

        await _commandGate.WaitAsync(cancellationToken);
        try
        {
            var done = new TaskCompletionSource<SsiSendStep>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_sync)
            {
                _command = done;
                var first = _sender.Start(command);
                WriteOrAbandon(first);
            }

            while (true)
            {
                using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var timeout = Task.Delay(_options.AckTimeout, _time, timer.Token);
                var finished = await Task.WhenAny(done.Task, timeout);
                await timer.CancelAsync();
                if (finished == done.Task)
                {
                    return await done.Task;
                }

                cancellationToken.ThrowIfCancellationRequested();
                lock (_sync)
                {
                    var step = _sender.OnTimeout();
                    if (step == SsiSendStep.Resend)
                    {
                        WriteOrAbandon(_sender.Pending!);
                    }
                    else if (step == SsiSendStep.GaveUp)
                    {
                        _command = null;
                        return step;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            lock (_sync)
            {
                _sender.Abandon();
                _command = null;
            }

            throw;
        }
        finally
        {
            _commandGate.Release();
        }
    }

    /// <summary>Sounds the scanner's beeper (SSI BEEP) — operator feedback for an accepted or rejected scan.</summary>
    public Task<SsiSendStep> BeepAsync(byte pattern, CancellationToken cancellationToken) => SendCommandAsync(SsiFrame.Beep(pattern), cancellationToken);

    /// <summary>Switches the scanner's LED (SSI LED_ON/LED_OFF).</summary>
    public Task<SsiSendStep> SetLedAsync(bool on, CancellationToken cancellationToken) => SendCommandAsync(SsiFrame.Led(on), cancellationToken);

    /// <summary>Lets the scanner scan (START_SESSION) or pauses it (STOP_SESSION).</summary>
    public Task<SsiSendStep> SetSessionAsync(bool scanning, CancellationToken cancellationToken) =>
        SendCommandAsync(SsiFrame.HostCommand(scanning ? SsiOpcode.StartSession : SsiOpcode.StopSession), cancellationToken);

    /// <summary>Stops the reader thread, closes the port and completes <see cref="Scans"/>.</summary>
    public void Dispose()
    {
        Port.Dispose();
        _scans.Writer.TryComplete();
        lock (_sync)
        {
            _command?.TrySetResult(SsiSendStep.GaveUp);
            _command = null;
        }
    }

    private void OnData(TtySerialPort port, ReadOnlySpan<byte> data)
    {
        lock (_sync)
        {
            _errors.Clear();
            if (Mode == ScannerMode.Line)
            {
                _lineScans.Clear();
                _line.Decode(data, _lineScans, _errors);
                foreach (var scan in _lineScans)
                {
                    _scans.Writer.TryWrite(scan);
                }
            }
            else
            {
                _frames.Clear();
                _ssi.Decode(data, _frames, _errors);
                foreach (var error in _errors.Where(e => e.Kind == FramingErrorKind.BadChecksum))
                {
                    WriteQuietly(_receiver.OnBadChecksum());
                }

                foreach (var frame in _frames)
                {
                    HandleFrame(frame);
                }
            }
        }

        foreach (var error in _errors)
        {
            FramingError?.Invoke(this, new FramingErrorEventArgs(port.Device, error));
        }
    }

    private void HandleFrame(SsiFrame frame)
    {
        if (frame.Source != SsiSource.Decoder)
        {
            return;
        }

        if (frame.Opcode is SsiOpcode.Ack or SsiOpcode.Nak)
        {
            var step = _sender.OnReply(frame);
            if (step == SsiSendStep.Resend)
            {
                WriteQuietly(_sender.Pending!);
            }
            else if (step != SsiSendStep.Ignored)
            {
                _command?.TrySetResult(step);
                _command = null;
            }

            return;
        }

        var result = _receiver.Accept(frame);
        WriteQuietly(result.Reply);
        if (result.IsDuplicate)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }

        if (frame.Opcode == SsiOpcode.DecodeData && frame.Data.Length > 1)
        {
            var payload = frame.Data[1..];
            string? aim = null;
            if (_options.DetectAimPrefixInSsi)
            {
                (aim, payload) = AimPrefix.Split(payload);
            }

            _scans.Writer.TryWrite(new ScannedCode(payload, aim, frame.Data.Span[0]));
        }
    }

    private void ResetDecoders()
    {
        lock (_sync)
        {
            _line.Reset();
            _ssi.Reset();
            _receiver.Reset();
        }
    }

    private void WriteOrAbandon(SsiFrame frame)
    {
        try
        {
            Port.Write(SsiCodec.Encode(frame));
        }
        catch (SerialPortException)
        {
            _sender.Abandon();
            _command = null;
            throw;
        }
    }

    private void WriteQuietly(SsiFrame frame)
    {
        try
        {
            Port.Write(SsiCodec.Encode(frame));
        }
        catch (SerialPortException)
        {
            // The link just went down; the scanner resends after it reconnects, so nothing is lost here.
        }
    }
}
