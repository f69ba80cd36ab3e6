using System.Diagnostics;
using System.Text;
using TraceChain.Protocol.Scanning;
using TraceChain.Serial;
using TraceChain.Serial.Scanning;

namespace TraceChain.Bench;

/// <summary>
/// Serial scanning: how fast the pure framers split a byte stream, and the latency of one SSI scan over a real
/// pty — DECODE_DATA written by the "scanner" until its ACK is back and the scan is on the host's channel.
/// </summary>
public sealed class SerialBenchmark : IBenchmark
{
    private static readonly byte[] Code = Encoding.ASCII.GetBytes("]d2010950600013435221S0000012345\u001d10LOT42\u001d17261231");

    /// <inheritdoc />
    public string Name => "serial";

    /// <inheritdoc />
    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var frames = context.Size(200_000, 20_000);
        var ssiRate = Measure.Median(5, () => SsiDecodeRate(frames));
        var lineRate = Measure.Median(5, () => LineDecodeRate(frames));
        var latencies = await PtyRoundTripsAsync(context, context.Size(2_000, 200), cancellationToken);
        return
        [
            new Figure("ssi_decode_frames_per_s", ssiRate, "frames/s", Note: $"{Code.Length}-byte GS1 scans, 4 KiB reads"),
            new Figure("line_decode_scans_per_s", lineRate, "scans/s", Note: "CR suffix, AIM prefix split"),
            new Figure("ssi_pty_scan_p50_ms", Measure.Percentile(latencies, 50), "ms", Note: "DECODE_DATA -> host decode + ACK back, real pty"),
            new Figure("ssi_pty_scan_p99_ms", Measure.Percentile(latencies, 99), "ms"),
        ];
    }

    private static double SsiDecodeRate(int count)
    {
        var frame = SsiCodec.Encode(SsiFrame.DecodeData(0x1B, Code));
        var stream = Enumerable.Repeat(frame, count).SelectMany(f => f).ToArray();
        var decoder = new SsiDecoder();
        var output = new List<SsiFrame>(256);
        var errors = new List<FramingError>();
        return Measure.Rate(count, () =>
        {
            for (var pos = 0; pos < stream.Length; pos += 4096)
            {
                decoder.Decode(stream.AsSpan(pos, Math.Min(4096, stream.Length - pos)), output, errors);
                output.Clear();
            }
        });
    }

    private static double LineDecodeRate(int count)
    {
        var stream = Enumerable.Repeat(Code.Append((byte)'\r'), count).SelectMany(l => l).ToArray();
        var decoder = new LineDecoder();
        var output = new List<ScannedCode>(256);
        var errors = new List<FramingError>();
        return Measure.Rate(count, () =>
        {
            for (var pos = 0; pos < stream.Length; pos += 4096)
            {
                decoder.Decode(stream.AsSpan(pos, Math.Min(4096, stream.Length - pos)), output, errors);
                output.Clear();
            }
        });
    }

    private static async Task<List<double>> PtyRoundTripsAsync(BenchContext context, int count, CancellationToken cancellationToken)
    {
        var link = Path.Combine(context.ScratchDirectory, "bench-scanner");
        using var pty = PseudoTerminal.Open(link);
        using var host = new SerialScanner(new SerialScannerOptions(new SerialPortOptions(link, 115200), ScannerMode.Ssi));
        host.Open();
        var frame = SsiCodec.Encode(SsiFrame.DecodeData(0x1B, Code));
        var decoder = new SsiDecoder();
        var replies = new List<SsiFrame>();
        var buffer = new byte[256];
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            pty.Write(frame);
            await host.Scans.ReadAsync(cancellationToken);
            replies.Clear();
            while (replies.Count == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = pty.Read(buffer, TimeSpan.FromSeconds(1));
                decoder.Decode(buffer.AsSpan(0, n), replies, []);
            }

            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        return latencies;
    }
}
