using FirmwareSim.Serial;
using TraceChain.Protocol.Scanning;
using TraceChain.Serial;
using TraceChain.Serial.Scanning;

namespace FirmwareSim.Tests.Serial;

/// <summary>The agent's side in tests: one <see cref="SerialScanner"/> per simulated scanner.</summary>
internal sealed class HostScanners : IDisposable
{
    private readonly List<SerialScanner> _hosts = [];

    public HostScanners(SerialSimulationOptions options, LineSuffix suffix = LineSuffix.Cr)
    {
        for (var id = 1; id <= options.Scanners; id++)
        {
            var host = new SerialScanner(new SerialScannerOptions(new SerialPortOptions(options.LinkPath(id), 115200) { ReconnectMaxDelay = TimeSpan.FromMilliseconds(100) }, options.Mode)
            {
                Line = new LineDecoderOptions(suffix),
            });
            host.FramingError += (_, e) =>
            {
                lock (Errors)
                {
                    Errors.Add(e.Error.Kind);
                }
            };
            host.Port.Connected += (_, _) => Interlocked.Increment(ref _connects);
            host.Start();
            _hosts.Add(host);
        }
    }

    private int _connects;

    public List<FramingErrorKind> Errors { get; } = [];

    public int Connects => Volatile.Read(ref _connects);

    public SerialScanner this[int id] => _hosts[id - 1];

    /// <summary>Reads scanner <paramref name="id"/>'s scans up to and including the "END" sentinel.</summary>
    public async Task<List<string>> ReadUntilEndAsync(int id, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var texts = new List<string>();
        while (true)
        {
            var scan = await _hosts[id - 1].Scans.ReadAsync(cts.Token);
            texts.Add(scan.TextWithSymbologyIdentifier);
            if (scan.Text == "END")
            {
                return texts;
            }
        }
    }

    public void Dispose() => _hosts.ForEach(h => h.Dispose());
}
