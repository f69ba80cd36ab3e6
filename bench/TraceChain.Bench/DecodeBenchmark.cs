using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using TraceChain.Imaging;
using TraceChain.Imaging.Distortion;
using TraceChain.Imaging.Labels;

namespace TraceChain.Bench;

/// <summary>
/// decode_ms_720p: median time for zxing-cpp (through the shim) to read a GS1 Data Matrix label from a 1280x720
/// grayscale camera frame. decode_ratio_vs_zxing_js: @zxing/library's median on the very same frames under node,
/// divided by ours. Both sides: Data Matrix only, try harder, one warm-up pass, then every frame decoded
/// <c>runs</c> times with each decode timed on its own, median over all of them. Times are CPU time (ours: the
/// decoding thread; node: the whole process, so its GC threads count against it), because on a shared machine
/// wall time mostly measures the queue for a core; the wall-time medians are in the notes. Ours is the product
/// reader as the agent uses it (region-first search); decode_ms_720p_whole_frame shows zxing-cpp on the whole
/// frame without that step, for transparency.
/// </summary>
public sealed class DecodeBenchmark : IBenchmark
{
    private const int Width = 1280;
    private const int Height = 720;

    public string Name => "decode";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var frameCount = context.Size(24, 8);
        var runs = context.Size(15, 5);
        var node = Path.Combine(context.RepositoryRoot, "bench", "zxing-js");
        await EnsureNodeAsync(node, cancellationToken);

        var dir = Path.Combine(context.ScratchDirectory, "decode-frames");
        var frames = await WriteFramesAsync(dir, frameCount, cancellationToken);

        // Same search as the node side: Data Matrix only, try harder, first symbol. TryRotate stays on because
        // zxing-cpp 1.4 needs it to trace a Data Matrix from all four sides (the js detector always does).
        var reader = new BarcodeReader(new ReaderOptions
        {
            Formats = BarcodeFormats.DataMatrix,
            TryHarder = true,
            TryRotate = true,
            TryDownscale = false,
            MaxSymbols = 1,
        });
        var decoded = frames.Count(f => reader.DecodeGray(f.Image) is [{ } code] && code.Text == f.Expected);
        var (ours, oursWall) = Time(reader, frames, runs, cancellationToken);

        // The same decoder without the shim's region-first step: what zxing-cpp costs on the whole frame.
        var wholeFrame = new BarcodeReader(reader.Options with { ScanRegions = false });
        var wholeDecoded = frames.Count(f => wholeFrame.DecodeGray(f.Image) is [{ } code] && code.Text == f.Expected);
        var (whole, _) = Time(wholeFrame, frames, runs, cancellationToken);

        var js = await RunNodeAsync(node, dir, runs, cancellationToken);
        var jsMs = js.GetProperty("median_cpu_ms").GetDouble();
        var jsWall = js.GetProperty("median_wall_ms").GetDouble();
        var jsDecoded = js.GetProperty("decoded").GetInt32();
        var peer = $"{js.GetProperty("library").GetString()} on node {js.GetProperty("node").GetString()}";
        var ratio = jsMs / ours;
        return
        [
            new Figure("decode_ms_720p", ours, "ms", Note: $"CPU ms; zxing-cpp 1.4 via shim, {frames.Count} frames x {runs} runs, read {decoded}/{frames.Count}, wall median {Ms(oursWall)} ms"),
            new Figure("decode_ms_720p_whole_frame", whole, "ms", Note: $"CPU ms; same frames with ScanRegions off (zxing-cpp binarizes and searches the whole frame), read {wholeDecoded}/{frames.Count}"),
            new Figure("decode_ratio_vs_zxing_js", ratio, "x", Limit: jsMs, Ratio: ratio,
                Note: $"{peer}: CPU median {Ms(jsMs)} ms (wall {Ms(jsWall)} ms), read {jsDecoded}/{frames.Count}"),
        ];
    }

    // What a fixed counter scanner sees: an upright label over the frame centre, slightly scaled, defocused and
    // noisy, with varying contrast and surroundings. zxing-js's Data Matrix detector grows a white rectangle from
    // the image centre, so it needs exactly that (and no human-readable text beside the symbol); frames it cannot
    // read would time two different ways of giving up, so both sides get frames both can read.
    private static async Task<List<(GrayImage Image, string Expected)>> WriteFramesAsync(string dir, int count, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dir);
        var writer = new LabelWriter(new LabelOptions { ShowHumanReadable = false });
        var random = new Random(720);
        var frames = new List<(GrayImage Image, string Expected)>();
        var manifest = new List<object>();
        for (var i = 0; i < count; i++)
        {
            var serial = $"BENCH{random.Next(1_000_000):D6}";
            var label = writer.WriteGray(Label.Gs1DataMatrix($"(01)09506000134352(17)271231(10)LOT{i:D3}(21){serial}"));
            var settings = new DistortionSettings
            {
                CenterX = 0.49 + (random.NextDouble() * 0.02),
                CenterY = 0.49 + (random.NextDouble() * 0.02),
                Scale = 0.9 + (random.NextDouble() * 0.4),
                BlurSigma = random.NextDouble() * 0.6,
                NoiseSigma = random.NextDouble() * 3,
                InkLevel = (byte)random.Next(20, 50),
                PaperLevel = (byte)random.Next(200, 240),
                BackgroundLevel = (byte)random.Next(90, 170),
            };
            var image = FrameSimulator.Render(label, Width, Height, settings, random).Frame;
            var expected = $"010950600013435217271231" + $"10LOT{i:D3}\u001D21{serial}";
            var file = $"frame{i:D3}.gray";
            await File.WriteAllBytesAsync(Path.Combine(dir, file), image.Pixels, cancellationToken);
            manifest.Add(new { file, width = Width, height = Height, expected });
            frames.Add((image, expected));
        }

        await File.WriteAllTextAsync(Path.Combine(dir, "manifest.json"), JsonSerializer.Serialize(manifest), cancellationToken);
        return frames;
    }

    private static async Task EnsureNodeAsync(string nodeDir, CancellationToken cancellationToken)
    {
        foreach (var tool in new[] { "node", "npm" })
        {
            try
            {
                await RunAsync(tool, "--version", nodeDir, TimeSpan.FromSeconds(30), cancellationToken);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new InvalidOperationException($"decode_ratio_vs_zxing_js needs Node.js and npm, and '{tool}' is not on PATH: install Node.js 18 or later (Debian: apt-get install nodejs npm)");
            }
        }

        if (!Directory.Exists(Path.Combine(nodeDir, "node_modules", "@zxing", "library")))
        {
            Console.WriteLine("   npm ci in bench/zxing-js (first run)");
            await RunAsync("npm", "ci --no-audit --no-fund", nodeDir, TimeSpan.FromMinutes(5), cancellationToken);
        }
    }

    private static async Task<JsonElement> RunNodeAsync(string nodeDir, string framesDir, int runs, CancellationToken cancellationToken)
    {
        var output = await RunAsync("node", $"decode.js \"{framesDir}\" {runs}", nodeDir, TimeSpan.FromMinutes(5), cancellationToken);
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new InvalidOperationException("bench/zxing-js/decode.js printed nothing");
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private static async Task<string> RunAsync(string file, string arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        process.Start();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"'{file} {arguments}' did not finish within {timeout.TotalSeconds:0} s");
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            var error = (await stderr).Trim();
            throw new InvalidOperationException($"'{file} {arguments}' in {workingDirectory} exited with {process.ExitCode}: {error}");
        }

        return output;
    }

    private static (double CpuMedian, double WallMedian) Time(BarcodeReader reader, List<(GrayImage Image, string Expected)> frames, int runs, CancellationToken cancellationToken)
    {
        foreach (var frame in frames)
        {
            reader.DecodeGray(frame.Image); // warm-up
        }

        var cpu = new List<double>(runs * frames.Count);
        var wall = new List<double>(runs * frames.Count);
        for (var r = 0; r < runs; r++)
        {
            foreach (var frame in frames)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var startCpu = ThreadCpuMilliseconds();
                var start = Stopwatch.GetTimestamp();
                reader.DecodeGray(frame.Image);
                wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                cpu.Add(ThreadCpuMilliseconds() - startCpu);
            }
        }

        return (Measure.MedianOf(cpu), Measure.MedianOf(wall));
    }

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    // CPU time of the calling thread: the native decode runs on it, so this is exactly the decoder's work.
    private static double ThreadCpuMilliseconds()
    {
        const int clockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID on Linux
        return ClockGetTime(clockThreadCpuTime, out var now) == 0
            ? (now.Seconds * 1e3) + (now.Nanoseconds / 1e6)
            : throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    }

    // DllImport rather than LibraryImport: the bench project does not allow unsafe code, and this signature is
    // blittable, so no marshalling stub is generated either way.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
