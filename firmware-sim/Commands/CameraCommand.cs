using System.CommandLine;
using FirmwareSim.Camera;
using TraceChain.Imaging;
using TraceChain.Mqtt;

namespace FirmwareSim.Commands;

/// <summary>
/// `firmware-sim camera`: renders labels of a set of packs as distorted camera frames (seeded, deterministic) and
/// writes them into a watched folder (temporary file, then rename) or publishes them to the camera's MQTT topic.
/// </summary>
public static class CameraCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "packs to show without --codes (serials {prefix}000001..)", DefaultValueFactory = _ => 10 };
        var codes = new Option<FileInfo?>("--codes") { Description = "file of GS1 element strings, one per line, e.g. (01)09506000134352(17)271231(10)LOT42(21)X1" };
        var prefix = new Option<string>("--prefix") { Description = "serial prefix of generated packs", DefaultValueFactory = _ => "CAM" };
        var repeat = new Option<int>("--repeat") { Description = "consecutive frames showing the same pack or tray", DefaultValueFactory = _ => 3 };
        var tray = new Option<int>("--tray") { Description = "packs per frame, in a grid", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "seed of the distortions: same seed, same frames", DefaultValueFactory = _ => 1 };
        var width = new Option<int>("--width") { Description = "frame width in pixels", DefaultValueFactory = _ => 1280 };
        var height = new Option<int>("--height") { Description = "frame height in pixels", DefaultValueFactory = _ => 720 };
        var modulePixels = new Option<int>("--module-pixels") { Description = "label pixels per module before the camera's scale", DefaultValueFactory = _ => 4 };
        var distortion = new Option<string>("--distortion") { Description = "none, mild (counter camera) or camera (handheld: rotation, perspective, blur, noise, low contrast)", DefaultValueFactory = _ => "camera" };
        distortion.AcceptOnlyFromAmong("none", "mild", "camera");
        var symbology = new Option<string>("--symbology") { Description = "datamatrix (GS1 ]d2), gs1qr (]Q3) or digitallink (QR of the Digital Link URI)", DefaultValueFactory = _ => "datamatrix" };
        symbology.AcceptOnlyFromAmong("datamatrix", "gs1qr", "digitallink");
        var domain = new Option<string>("--domain") { Description = "Digital Link domain for --symbology digitallink", DefaultValueFactory = _ => "https://id.tracechain.example" };
        var rate = new Option<double>("--rate") { Description = "frames per second (0 = as fast as possible)", DefaultValueFactory = _ => 10 };
        var dir = new Option<string?>("--dir") { Description = "write PNG frames into this (watched) folder" };
        var host = new Option<string?>("--host") { Description = "publish frames to this MQTT broker instead" };
        var port = new Option<int>("--port") { Description = "MQTT broker port", DefaultValueFactory = _ => 1883 };
        var username = new Option<string?>("--username") { Description = "MQTT user name" };
        var password = new Option<string?>("--password") { Description = "MQTT password" };
        var site = new Option<string>("--site") { Description = "site topic level (tracechain/{site}/cameras/{camera}/frame)", DefaultValueFactory = _ => "site1" };
        var camera = new Option<string>("--camera") { Description = "camera id (topic level, file name prefix)", DefaultValueFactory = _ => "cam1" };
        var format = new Option<string>("--format") { Description = "MQTT payload: png or gray (TCG8 raw frame)", DefaultValueFactory = _ => "png" };
        format.AcceptOnlyFromAmong("png", "gray");

        var command = new Command("camera", "simulate a camera: distorted label frames into a watched folder or over MQTT")
        {
            count, codes, prefix, repeat, tray, seed, width, height, modulePixels, distortion, symbology, domain, rate, dir, host, port, username, password, site, camera, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var codesFile = parse.GetValue(codes);
            IReadOnlyList<string> packs;
            try
            {
                packs = codesFile is null ? CameraPacks.Generate(parse.GetValue(count), parse.GetValue(prefix)!) : CameraPacks.Parse(await File.ReadAllTextAsync(codesFile.FullName, cancellationToken));
            }
            catch (IOException e)
            {
                await output.WriteLineAsync($"error: {e.Message}");
                return 2;
            }

            var options = new CameraSimulationOptions(packs)
            {
                Repeat = parse.GetValue(repeat),
                Tray = parse.GetValue(tray),
                Seed = parse.GetValue(seed),
                Width = parse.GetValue(width),
                Height = parse.GetValue(height),
                ModulePixels = parse.GetValue(modulePixels),
                Distortion = Enum.Parse<CameraDistortion>(parse.GetValue(distortion)!, ignoreCase: true),
                Symbology = parse.GetValue(symbology) switch { "gs1qr" => CameraSymbology.Gs1Qr, "digitallink" => CameraSymbology.DigitalLink, _ => CameraSymbology.DataMatrix },
                Domain = parse.GetValue(domain)!,
                Rate = parse.GetValue(rate),
            };
            var folder = parse.GetValue(dir);
            var broker = parse.GetValue(host);
            if ((folder is null) == (broker is null))
            {
                await output.WriteLineAsync("error: give exactly one of --dir (watched folder) and --host (MQTT broker)");
                return 2;
            }

            var cameraId = parse.GetValue(camera)!;
            return await RunAsync(
                options,
                ct => folder is not null
                    ? Task.FromResult<IFrameSink>(new FolderFrameSink(folder, cameraId))
                    : ConnectAsync(broker!, parse.GetValue(port), parse.GetValue(username), parse.GetValue(password), parse.GetValue(site)!, cameraId, parse.GetValue(format) == "gray", ct),
                output,
                cancellationToken);
        });
        return command;
    }

    /// <summary>Renders and delivers every frame; returns 0 when all were delivered, 2 on bad options or an unreachable destination.</summary>
    public static async Task<int> RunAsync(CameraSimulationOptions options, Func<CancellationToken, Task<IFrameSink>> openSink, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(openSink);
        ArgumentNullException.ThrowIfNull(output);
        var problems = options.Problems();
        CameraFrameRenderer renderer;
        try
        {
            renderer = problems.Count == 0 ? new CameraFrameRenderer(options) : throw new ArgumentException(string.Join("; ", problems));
        }
        catch (ArgumentException e)
        {
            await output.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        IFrameSink sink;
        try
        {
            sink = await openSink(cancellationToken);
        }
        catch (Exception e) when (e is MqttConnectException or MqttConnectionException or System.Net.Sockets.SocketException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            await output.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        await using (sink)
        {
            await output.WriteLineAsync($"camera: {options.Packs.Count} pack(s), {options.FrameCount} frame(s) ({options.Repeat} per {(options.Tray > 1 ? $"tray of {options.Tray}" : "pack")}), seed {options.Seed}, {options.Distortion.ToString().ToLowerInvariant()} distortion -> {sink.Describe()}");
            var interval = options.Rate > 0 ? TimeSpan.FromSeconds(1 / options.Rate) : TimeSpan.Zero;
            var sent = 0;
            try
            {
                foreach (var frame in renderer.Frames())
                {
                    await sink.WriteAsync(frame, cancellationToken);
                    sent++;
                    if (interval > TimeSpan.Zero)
                    {
                        // Pacing the camera's frame rate, not waiting for anything.
                        await Task.Delay(interval, cancellationToken);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await output.WriteLineAsync($"stopped after {sent} frame(s)");
                return 1;
            }
            catch (ImagingException e)
            {
                await output.WriteLineAsync($"error: {e.Message}");
                return 2;
            }

            await output.WriteLineAsync($"done: {sent} frame(s) sent");
            return 0;
        }
    }

    private static async Task<IFrameSink> ConnectAsync(string host, int port, string? username, string? password, string site, string cameraId, bool raw, CancellationToken cancellationToken) =>
        await MqttFrameSink.ConnectAsync(
            new MqttClientOptions
            {
                Host = host,
                Port = port,
                ClientId = $"firmware-sim-{cameraId}",
                Username = username,
                Password = password,
                MaxPacketSize = 64 * 1024 * 1024,
            },
            site,
            cameraId,
            raw,
            cancellationToken);
}
