using System.Collections.Concurrent;
using FirmwareSim.Scenarios;
using TraceChain.Protocol.Scanning;
using TraceChain.Serial;
using TraceChain.Serial.Scanning;

namespace FirmwareSim.Serial;

/// <summary>
/// One simulated scanner on a pseudo-terminal, run by its own thread: it waits until a host has the port open
/// and its session is started, then plays its scenario steps. In SSI mode each scan is a DECODE_DATA frame sent
/// stop-and-wait (resent on NAK or ACK timeout); host commands are ACKed and obeyed (STOP_SESSION pauses scanning
/// until START_SESSION) and BEEP/LED/PARAM_SEND are recorded in <see cref="Feedback"/>.
/// </summary>
public sealed class SimulatedScanner : IDisposable
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(2);

    private readonly SimulatedScannerOptions _options;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly Action<string> _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<FeedbackRecord> _feedback = new();
    private readonly SsiDecoder _decoder = new();
    private readonly SsiReceiver _receiver = new(SsiSource.Decoder);
    private readonly SsiSender _sender;
    private readonly Random _random;
    private readonly byte[] _buffer = new byte[1024];
    private PseudoTerminal? _pty;
    private Thread? _thread;
    private SsiSendStep? _outcome;
    private int _transmissions;
    private volatile bool _sessionActive = true;
    private int _scansSent;
    private int _scansLost;

    /// <summary>Creates the scanner and its pty (the link exists when this returns).</summary>
    public SimulatedScanner(SimulatedScannerOptions options, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _log = log ?? (_ => { });
        _sender = new SsiSender(options.MaxRetries);
        _random = new Random(options.Seed + options.Id);
        _pty = PseudoTerminal.Open(options.LinkPath);
        _log($"scanner{options.Id} ready {options.LinkPath} -> {_pty.SlavePath} ({options.Mode})");
    }

    /// <summary>Scanner number.</summary>
    public int Id => _options.Id;

    /// <summary>The symlink a host opens.</summary>
    public string LinkPath => _options.LinkPath;

    /// <summary>
    /// Completes when every scenario step has been played and the host has read what was written (waiting at most
    /// 2 s for that); the pty stays up until disposed.
    /// </summary>
    public Task Completion => _done.Task;

    /// <summary>Host commands received and obeyed, in order.</summary>
    public IReadOnlyCollection<FeedbackRecord> Feedback => _feedback;

    /// <summary>Scans delivered (line mode: written; SSI: ACKed).</summary>
    public int ScansSent => Volatile.Read(ref _scansSent);

    /// <summary>SSI scans abandoned after the retry budget or a NAK that forbids resending.</summary>
    public int ScansLost => Volatile.Read(ref _scansLost);

    /// <summary>False between the host's STOP_SESSION and START_SESSION.</summary>
    public bool SessionActive => _sessionActive;

    /// <summary>Starts playing <paramref name="steps"/> on the scanner's own thread.</summary>
    public void Start(IReadOnlyList<ScenarioStep> steps)
    {
        _thread = new Thread(() => Run(steps)) { IsBackground = true, Name = "sim scanner" + Id };
        _thread.Start();
    }

    /// <summary>Stops the thread and closes the pty (the host sees an unplug).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join(TimeSpan.FromSeconds(5));
        _pty?.Dispose();
        _done.TrySetCanceled();
    }

    private void Run(IReadOnlyList<ScenarioStep> steps)
    {
        try
        {
            foreach (var step in steps)
            {
                ServiceFor(step.Delay ?? _options.Interval);
                Service(TimeSpan.MaxValue, () => _pty!.IsClientConnected && _sessionActive);
                Play(step);
            }

            WaitUntilDrained();
            _log($"scanner{Id} scenario done: {ScansSent} sent, {ScansLost} lost");
            _done.TrySetResult();
            while (!_stop.IsCancellationRequested)
            {
                ServiceFor(TimeSpan.FromMilliseconds(200));
            }
        }
        catch (OperationCanceledException)
        {
            _done.TrySetCanceled();
        }
#pragma warning disable CA1031 // The thread must report, not crash the simulator.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log($"scanner{Id} failed: {ex.Message}");
            _done.TrySetException(ex);
        }
    }

    private void Play(ScenarioStep step)
    {
        switch (step.Action)
        {
            case ScenarioAction.Scan:
                SendScan(step.Data, corruptFirst: false, split: false);
                break;
            case ScenarioAction.Split:
                SendScan(step.Data, corruptFirst: false, split: true);
                break;
            case ScenarioAction.BadChecksum:
                SendScan(step.Data, corruptFirst: true, split: false);
                break;
            case ScenarioAction.Garbage:
                SendGarbage(step.Count);
                break;
            case ScenarioAction.Burst:
                SendBurst(step);
                break;
            case ScenarioAction.Unplug:
                Unplug(step.Duration);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Action, "unknown scenario action");
        }
    }

    private void SendScan(byte[] data, bool corruptFirst, bool split)
    {
        if (_options.Mode == ScannerMode.Line)
        {
            Write([.. data, .. SuffixBytes()], split);
            Interlocked.Increment(ref _scansSent);
            _log($"scanner{Id} sent {ScenarioParser.Describe(data)}");
            return;
        }

        var outcome = SendFrame(SsiFrame.DecodeData(SsiCodeTypes.For(data), data), corruptFirst, split);
        if (outcome == SsiSendStep.Delivered)
        {
            Interlocked.Increment(ref _scansSent);
            _log($"scanner{Id} sent {ScenarioParser.Describe(data)}");
        }
        else
        {
            Interlocked.Increment(ref _scansLost);
            _log($"scanner{Id} lost {ScenarioParser.Describe(data)}: {outcome}");
        }
    }

    private SsiSendStep SendFrame(SsiFrame frame, bool corruptFirst, bool split)
    {
        _outcome = null;
        WriteFrame(_sender.Start(frame), corruptFirst, split);
        while (true)
        {
            var sent = _transmissions;
            Service(_options.AckTimeout, () => _outcome is not null || _transmissions != sent);
            if (_outcome is { } outcome)
            {
                return outcome;
            }

            if (_transmissions != sent)
            {
                continue;
            }

            if (_sender.OnTimeout() == SsiSendStep.Resend)
            {
                WriteFrame(_sender.Pending!, corrupt: false, split: false);
            }
            else
            {
                return SsiSendStep.GaveUp;
            }
        }
    }

    private void SendBurst(ScenarioStep step)
    {
        if (_options.Mode == ScannerMode.Line)
        {
            var all = Enumerable.Range(0, step.Count).SelectMany(i => step.BurstData(i).Concat(SuffixBytes())).ToArray();
            Write(all, split: false);
            Interlocked.Add(ref _scansSent, step.Count);
            _log($"scanner{Id} sent burst of {step.Count}");
            return;
        }

        for (var i = 0; i < step.Count; i++)
        {
            SendScan(step.BurstData(i), corruptFirst: false, split: false);
        }
    }

    private void SendGarbage(int count)
    {
        var noise = new byte[count];
        _random.NextBytes(noise);
        if (_options.Mode == ScannerMode.Line)
        {
            // Without a checksum a short noise line looks like a scan; noise is only detectable as an overlong line.
            var suffix = SuffixBytes();
            for (var i = 0; i < noise.Length; i++)
            {
                noise[i] = noise[i] is 0x0D or 0x0A ? (byte)'~' : noise[i];
            }

            noise = [.. noise, .. suffix];
        }

        Write(noise, split: false);
        _log($"scanner{Id} sent {count} garbage bytes");
    }

    private void Unplug(TimeSpan duration)
    {
        WaitUntilDrained();
        _sender.Abandon();
        _pty!.Dispose();
        _log($"scanner{Id} unplugged for {duration.TotalMilliseconds} ms");
        if (_stop.Token.WaitHandle.WaitOne(duration))
        {
            throw new OperationCanceledException(_stop.Token);
        }

        _decoder.Reset();
        _receiver.Reset();
        _pty = PseudoTerminal.Open(_options.LinkPath);
        _log($"scanner{Id} replugged {_options.LinkPath} -> {_pty.SlavePath}");
    }

    /// <summary>Line mode has no ACK: before an unplug or the end, let the host read what was written (bounded).</summary>
    private void WaitUntilDrained()
    {
        // Two empty readings one slice apart: fresh writes can sit in the kernel's flip buffer, uncounted, briefly.
        var emptyReadings = 0;
        Service(DrainLimit, () =>
        {
            emptyReadings = _pty!.PendingForClient == 0 ? emptyReadings + 1 : 0;
            return emptyReadings >= 2;
        });
    }

    private void WriteFrame(SsiFrame frame, bool corrupt, bool split)
    {
        var bytes = SsiCodec.Encode(frame);
        if (corrupt)
        {
            bytes[^1] ^= 0xA5;
        }

        _transmissions++;
        Write(bytes, split);
    }

    private void Write(byte[] bytes, bool split)
    {
        if (!split || bytes.Length < 3)
        {
            _pty!.Write(bytes);
            return;
        }

        var third = bytes.Length / 3;
        _pty!.Write(bytes.AsSpan(0, third));
        ServiceFor(_options.SplitGap);
        _pty.Write(bytes.AsSpan(third, third));
        ServiceFor(_options.SplitGap);
        _pty.Write(bytes.AsSpan(2 * third));
    }

    private byte[] SuffixBytes() => _options.Suffix switch
    {
        LineSuffix.Cr => [0x0D],
        LineSuffix.Lf => [0x0A],
        _ => [0x0D, 0x0A],
    };

    private void ServiceFor(TimeSpan duration) => Service(duration, null);

    /// <summary>Reads and answers the host until <paramref name="until"/> holds or <paramref name="duration"/> passes.</summary>
    private void Service(TimeSpan duration, Func<bool>? until)
    {
        var deadline = duration == TimeSpan.MaxValue ? DateTimeOffset.MaxValue : _time.GetUtcNow() + duration;
        while (until?.Invoke() != true)
        {
            _stop.Token.ThrowIfCancellationRequested();
            var left = deadline == DateTimeOffset.MaxValue ? Slice : deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            var slice = left < Slice ? left : Slice;
            if (!_pty!.IsClientConnected)
            {
                // Nobody has the port open: like a scanner without DTR, hold still and look again shortly.
                _stop.Token.WaitHandle.WaitOne(slice < TimeSpan.FromMilliseconds(10) ? slice : TimeSpan.FromMilliseconds(10));
                continue;
            }

            var n = _pty.Read(_buffer, slice);
            if (n > 0 && _options.Mode == ScannerMode.Ssi)
            {
                HandleIncoming(_buffer.AsSpan(0, n));
            }
        }
    }

    private void HandleIncoming(ReadOnlySpan<byte> data)
    {
        var frames = new List<SsiFrame>();
        var errors = new List<FramingError>();
        _decoder.Decode(data, frames, errors);
        foreach (var error in errors.Where(e => e.Kind == FramingErrorKind.BadChecksum))
        {
            _pty!.Write(SsiCodec.Encode(_receiver.OnBadChecksum()));
        }

        foreach (var frame in frames.Where(f => f.Source == SsiSource.Host))
        {
            if (frame.Opcode is SsiOpcode.Ack or SsiOpcode.Nak)
            {
                var step = _sender.OnReply(frame);
                if (step == SsiSendStep.Resend)
                {
                    WriteFrame(_sender.Pending!, corrupt: false, split: false);
                }
                else if (step != SsiSendStep.Ignored)
                {
                    _outcome = step;
                }

                continue;
            }

            if (frame.Opcode is not (SsiOpcode.StartSession or SsiOpcode.StopSession or SsiOpcode.Beep or SsiOpcode.LedOn or SsiOpcode.LedOff or SsiOpcode.ParamSend))
            {
                _pty!.Write(SsiCodec.Encode(SsiFrame.Nak(SsiSource.Decoder, SsiNakCause.BadContext)));
                continue;
            }

            var result = _receiver.Accept(frame);
            _pty!.Write(SsiCodec.Encode(result.Reply));
            if (!result.IsDuplicate)
            {
                Obey(frame);
            }
        }
    }

    private void Obey(SsiFrame command)
    {
        if (command.Opcode == SsiOpcode.StartSession)
        {
            _sessionActive = true;
        }
        else if (command.Opcode == SsiOpcode.StopSession)
        {
            _sessionActive = false;
        }

        var argument = command.Data.IsEmpty ? (byte?)null : command.Data.Span[0];
        _feedback.Enqueue(new FeedbackRecord(Id, command.Opcode, argument));
        _log($"scanner{Id} feedback {command.Opcode}{(argument is { } a ? $" 0x{a:X2}" : string.Empty)}");
    }
}
