using TraceChain.Imaging;
using TraceChain.Imaging.Distortion;
using TraceChain.Imaging.Labels;
using TraceChain.Protocol.DigitalLink;
using TraceChain.Protocol.Gs1;

namespace FirmwareSim.Camera;

/// <summary>
/// Renders the frames of a camera simulation: each pack's label made by zint (<see cref="LabelWriter"/>), placed and
/// distorted by <see cref="FrameSimulator"/> (pose, perspective, contrast, blur, noise). Frame <c>i</c> draws from a
/// random generator seeded with (seed, i) only, so frames are byte-identical for a seed whatever order they are made in.
/// </summary>
public sealed class CameraFrameRenderer
{
    private readonly CameraSimulationOptions _options;
    private readonly LabelWriter _writer;
    private readonly Dictionary<string, GrayImage> _labels = new(StringComparer.Ordinal);

    /// <summary>Checks every pack and prepares the label writer.</summary>
    /// <exception cref="ArgumentException">A pack is not a valid GS1 element string (the message names it).</exception>
    public CameraFrameRenderer(CameraSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _writer = new LabelWriter(new LabelOptions { ModulePixels = options.ModulePixels, QuietZoneModules = 2 });
        foreach (var pack in options.Packs)
        {
            var parsed = Gs1Parser.Parse(pack);
            if (!parsed.Success)
            {
                throw new ArgumentException($"pack '{pack}' is not a GS1 element string: {parsed.Error.Message}", nameof(options));
            }
        }
    }

    /// <summary>The frames in order.</summary>
    public IEnumerable<CameraFrame> Frames()
    {
        for (var i = 0; i < _options.FrameCount; i++)
        {
            yield return Render(i);
        }
    }

    /// <summary>Frame <paramref name="index"/>.</summary>
    public CameraFrame Render(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var packs = _options.PacksOfGroup(index / _options.Repeat);
        // Seeded System.Random is the same sequence on every run and platform (HashCode is randomised per process).
        var random = new Random(unchecked((_options.Seed * 1_000_003) + index) & int.MaxValue);
        var background = _options.Distortion == CameraDistortion.Camera ? (byte)random.Next(40, 220) : (byte)128;
        var frame = GrayImage.Filled(_options.Width, _options.Height, background);
        var columns = (int)Math.Ceiling(Math.Sqrt(packs.Count));
        var rows = (packs.Count + columns - 1) / columns;
        var cellWidth = _options.Width / columns;
        var cellHeight = _options.Height / rows;
        for (var p = 0; p < packs.Count; p++)
        {
            var label = Label(packs[p]);
            var settings = Settings(random) with { BackgroundLevel = background };
            var cell = FrameSimulator.Render(label, cellWidth, cellHeight, settings, random).Frame;
            Blit(cell, frame, (p % columns) * cellWidth, (p / columns) * cellHeight);
        }

        return new CameraFrame(index, frame, packs);
    }

    private DistortionSettings Settings(Random random) => _options.Distortion switch
    {
        CameraDistortion.None => new DistortionSettings(),
        CameraDistortion.Mild => new DistortionSettings
        {
            CenterX = 0.4 + (random.NextDouble() * 0.2),
            CenterY = 0.4 + (random.NextDouble() * 0.2),
            RotationDegrees = (random.NextDouble() * 20) - 10,
            Perspective = random.NextDouble() * 0.03,
            BlurSigma = random.NextDouble() * 0.6,
            NoiseSigma = random.NextDouble() * 3,
            InkLevel = (byte)random.Next(10, 40),
            PaperLevel = (byte)random.Next(210, 250),
        },
        _ => DistortionSettings.Sample(random),
    };

    private GrayImage Label(string pack)
    {
        if (!_labels.TryGetValue(pack, out var label))
        {
            label = _writer.WriteGray(_options.Symbology switch
            {
                CameraSymbology.Gs1Qr => TraceChain.Imaging.Labels.Label.Gs1QrCode(pack),
                CameraSymbology.DigitalLink => TraceChain.Imaging.Labels.Label.DigitalLinkQrCode(DigitalLinkOf(pack)),
                _ => TraceChain.Imaging.Labels.Label.Gs1DataMatrix(pack),
            });
            _labels[pack] = label;
        }

        return label;
    }

    private string DigitalLinkOf(string pack) =>
        DigitalLinkUri.TryCreate(_options.Domain, Gs1Parser.Parse(pack), out var link, out var error)
            ? link.ToString()
            : throw new ArgumentException($"pack '{pack}' has no Digital Link on {_options.Domain}: {error.Message}");

    private static void Blit(GrayImage source, GrayImage target, int left, int top)
    {
        for (var y = 0; y < source.Height; y++)
        {
            source.Pixels.AsSpan(y * source.Width, source.Width).CopyTo(target.Pixels.AsSpan(((top + y) * target.Width) + left));
        }
    }
}
