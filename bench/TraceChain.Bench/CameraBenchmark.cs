using System.Diagnostics;
using System.Security.Cryptography;
using FirmwareSim.Camera;
using ScannerAgent.Agent;
using ScannerAgent.Cameras;
using ScannerAgent.Configuration;
using ScannerAgent.Outbox;
using TraceChain.Imaging.Frames;
using TraceChain.Protocol.Gs1;

namespace TraceChain.Bench;

/// <summary>
/// A camera frame until its hop is durable in the agent's outbox: find and read the code in a 1280x720 frame
/// (firmware-sim, handheld distortion), interpret it, sign the hop and commit it (fsync), for PNG files (decode
/// included) and raw TCG8 gray frames. One frame at a time, so each time is one frame's whole path.
/// </summary>
public sealed class CameraBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "camera";

    /// <inheritdoc />
    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = context.Size(120, 30);
        var options = new CameraSimulationOptions(CameraPacks.Generate(2 * count, "BN")) { Repeat = 1, Seed = 2026 };
        var frames = new CameraFrameRenderer(options).Frames().ToList();
        var png = frames.Take(count).Select(f => GrayPngEncoder.Encode(f.Image)).ToList();
        var gray = frames.Skip(count).Select(f => GrayFrameFormat.Encode(f.Image)).ToList();

        var folder = Path.Combine(context.ScratchDirectory, "camera-bench");
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var outbox = OutboxStore.Open(Path.Combine(folder, $"outbox-{Guid.NewGuid():N}.db"));
        var identity = new AgentIdentity("bench-camera", key, "4012345000009", TimeProvider.System, TimeZoneInfo.Utc, new Gs1ParseOptions());
        var recorder = CameraScanRecorder.For(
            new CameraScannerSettings { Name = "bench", Folder = folder, MaxCodesPerFrame = 1, Workflow = "receive" },
            new HopRecorder(identity, outbox),
            new AgentLog(TextWriter.Null, TimeProvider.System),
            TimeProvider.System);

        // Warm-up: native library load, JIT, SQLite page cache.
        await recorder.RecordAsync("warm", png[0], cancellationToken);
        var (pngTimes, pngHops) = await TimeAsync(recorder, "png", png, cancellationToken);
        var (grayTimes, grayHops) = await TimeAsync(recorder, "gray", gray, cancellationToken);
        // The image read alone (no signing, no commit), to tell the decoder's share from the outbox's.
        var reader = new TraceChain.Imaging.BarcodeReader(TraceChain.Imaging.ReaderOptions.Default with { MaxSymbols = 1 });
        var pngDecode = png.Select(p => Time(() => reader.Decode(p))).ToList();
        var grayDecode = gray.Select(g => Time(() => reader.DecodeGray(GrayFrameFormat.TryDecode(g, reader.Limits, out _)!))).ToList();
        var note = $"{count} frames each, 1280x720, handheld distortion; PNG ~{png.Average(p => p.Length) / 1024:0} KiB; one durable SQLite commit per frame";
        return
        [
            new Figure("camera_frame_to_commit_p50_ms", Measure.Percentile(pngTimes, 50), "ms", Note: note),
            new Figure("camera_frame_to_commit_p99_ms", Measure.Percentile(pngTimes, 99), "ms"),
            new Figure("camera_gray_frame_to_commit_p50_ms", Measure.Percentile(grayTimes, 50), "ms"),
            new Figure("camera_png_read_p50_ms", Measure.Percentile(pngDecode, 50), "ms", Note: "PNG inflate + code search, no hop"),
            new Figure("camera_gray_read_p50_ms", Measure.Percentile(grayDecode, 50), "ms", Note: "code search only, no hop"),
            new Figure("camera_frames_read_ratio", (double)(pngHops + grayHops) / (2 * count), "ratio", Note: "frames whose pack became a hop"),
        ];
    }

    private static double Time(Action body)
    {
        var started = Stopwatch.GetTimestamp();
        body();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<(List<double> Times, int Hops)> TimeAsync(CameraScanRecorder recorder, string camera, List<byte[]> frames, CancellationToken cancellationToken)
    {
        var times = new List<double>(frames.Count);
        var hops = 0;
        foreach (var frame in frames)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await recorder.RecordAsync(camera, frame, cancellationToken);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            hops += result.Stored.Count;
        }

        return (times, hops);
    }
}
