using System.Text;
using System.Threading.Channels;
using ScannerAgent.Configuration;
using ScannerAgent.Outbox;
using ScannerAgent.Uplink;
using TraceChain.Protocol.Scanning;
using TraceChain.Serial;
using TraceChain.Serial.Scanning;

namespace ScannerAgent.Agent;

/// <summary>
/// One serial scanner: its port's reader thread decodes scans; this worker turns each into a signed hop in the
/// outbox and only then acknowledges the operator (good-read beep in SSI mode, an <c>OK</c> line in line mode).
/// An invalid scan makes no hop: it is logged with the diagnosis and the scanner gets an error beep or line.
/// Verdicts for verify/dispense scanners come back through <see cref="ReportVerdict"/>.
/// </summary>
public sealed class ScannerWorker : IDisposable
{
    /// <summary>SSI beep: the scan is stored (one short high).</summary>
    public const byte StoredBeep = 0x00;

    /// <summary>SSI beep: the ledger accepted the pack (two short high).</summary>
    public const byte AcceptedBeep = 0x01;

    /// <summary>SSI beep: invalid scan or refused pack (one short low then long low pattern).</summary>
    public const byte ErrorBeep = 0x05;

    private readonly ScannerSetup _setup;
    private readonly SerialScannerOptions _serial;
    private readonly HopRecorder _recorder;
    private readonly AgentLog _log;
    private readonly SerialScanner _scanner;
    private readonly Channel<(byte Beep, string Line)> _feedback = Channel.CreateUnbounded<(byte, string)>(new UnboundedChannelOptions { SingleReader = true });
    private long _stored;
    private long _invalid;
    private bool _absentLogged;
    private volatile bool _stopping;

    /// <summary>Creates the worker and its serial scanner (not started).</summary>
    public ScannerWorker(ScannerSetup setup, AgentIdentity identity, HopRecorder recorder, AgentLog log)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(identity);
        _setup = setup;
        _serial = setup.Serial ?? throw new ArgumentException($"scanner {setup.Name} has no serial port", nameof(setup));
        _recorder = recorder;
        _log = log;
        _scanner = new SerialScanner(_serial, identity.Time);
        _scanner.FramingError += (_, e) => _log.Write(Name, $"noise on {e.Device}: {e.Error.Message} ({e.Error.Kind}, {e.Error.ByteCount} bytes); reading goes on");
        _scanner.Port.Connected += (_, e) =>
        {
            _absentLogged = false;
            _log.Write(Name, $"{e.Device} connected ({_serial.Mode}, {_serial.Port.BaudRate} baud, workflow {setup.Workflow.ToString().ToLowerInvariant()})");
        };
        _scanner.Port.Disconnected += (_, e) =>
        {
            if (!_stopping)
            {
                _log.Write(Name, $"{e.Device} disconnected: {e.Error?.Message ?? "closed"}; reconnecting");
            }
        };
        _scanner.Port.ConnectFailed += (_, e) =>
        {
            if (!_absentLogged)
            {
                _absentLogged = true;
                _log.Write(Name, $"{e.Device} not available: {e.Error?.Message}; retrying");
            }
        };
        _scanner.Port.HandlerFailed += (_, e) => _log.Write(Name, $"{e.Device}: reading failed: {e.Error?.Message}");
    }

    /// <summary>The scanner's name.</summary>
    public string Name => _setup.Name;

    /// <summary>The scanner's setup.</summary>
    public ScannerSetup Setup => _setup;

    /// <summary>Scans stored as hops.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Scans refused as invalid.</summary>
    public long Invalid => Interlocked.Read(ref _invalid);

    /// <summary>Reads scans until cancelled; the port opens in the background and reconnects by itself.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _scanner.Start();
        var feedback = FeedbackLoopAsync(cancellationToken);
        try
        {
            await foreach (var scan in _scanner.Scans.ReadAllAsync(cancellationToken))
            {
                await HandleAsync(scan, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        _feedback.Writer.TryComplete();
        await feedback;
    }

    /// <summary>Tells the operator the ledger's verdict on a stored scan (verify and dispense scanners).</summary>
    public void ReportVerdict(OutboxEntry entry, UplinkReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(receipt);
        var text = receipt.IsAccepted
            ? $"VERDICT {entry.Identifier}: {receipt.Status} as entry {receipt.Seq} ({_setup.Workflow.ToString().ToLowerInvariant()} recorded)"
            : $"VERDICT {entry.Identifier}: REFUSED {receipt.Reason}: {receipt.Message}";
        _log.Write(Name, text);
        _feedback.Writer.TryWrite((receipt.IsAccepted ? AcceptedBeep : ErrorBeep, text));
    }

    /// <summary>Closes the port.</summary>
    public void Dispose()
    {
        _stopping = true;
        _scanner.Dispose();
    }

    private async Task HandleAsync(ScannedCode scan, CancellationToken cancellationToken)
    {
        var reading = _recorder.Read(scan.TextWithSymbologyIdentifier);
        if (!reading.IsValid)
        {
            Interlocked.Increment(ref _invalid);
            _log.Write(Name, $"invalid scan '{scan}': {reading.Problem}" + (reading.Advice is null ? "" : $" Likely cause: {reading.Advice}"));
            _feedback.Writer.TryWrite((ErrorBeep, $"ERR {reading.Problem}"));
            return;
        }

        OutboxEntry entry;
        try
        {
            entry = await _recorder.StoreAsync(Name, _setup, reading, cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Not stored means not acknowledged: the operator scans again.
            Interlocked.Increment(ref _invalid);
            _log.Write(Name, $"scan '{scan}' NOT stored: {e.Message}");
            _feedback.Writer.TryWrite((ErrorBeep, $"ERR not stored: {e.Message}"));
            return;
        }

        Interlocked.Increment(ref _stored);
        _log.Write(Name, $"stored hop #{entry.Counter} {entry.Identifier} ({entry.Workflow})");
        if (_recorder.RecallOf(reading) is { } recall)
        {
            // Stored like any hop, but the operator hears the error beep (or reads RECALLED) instead of the good read.
            var warning = $"RECALLED #{entry.Counter} {entry.Identifier}: batch {recall.Batch} {recall.Status}: {recall.Reason}";
            _log.Write(Name, warning);
            _feedback.Writer.TryWrite((ErrorBeep, warning));
            return;
        }

        _feedback.Writer.TryWrite((StoredBeep, $"OK #{entry.Counter} {entry.Identifier}"));
    }

    private async Task FeedbackLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (beep, line) in _feedback.Reader.ReadAllAsync(cancellationToken))
            {
                await SendAsync(beep, line, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: feedback for scans already stored is not needed for correctness.
        }
    }

    private async Task SendAsync(byte beep, string line, CancellationToken cancellationToken)
    {
        try
        {
            if (_serial.Mode == ScannerMode.Ssi)
            {
                var step = await _scanner.BeepAsync(beep, cancellationToken);
                if (step != SsiSendStep.Delivered)
                {
                    _log.Write(Name, $"beep 0x{beep:X2} not acknowledged by the scanner ({step})");
                }
            }
            else
            {
                _scanner.Port.Write(Encoding.UTF8.GetBytes(line.ReplaceLineEndings(" ") + "\r\n"));
            }
        }
        catch (SerialPortException e)
        {
            _log.Write(Name, $"feedback not delivered: {e.Message}");
        }
    }
}
