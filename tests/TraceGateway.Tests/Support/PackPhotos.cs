using TraceChain.Imaging;
using TraceChain.Imaging.Distortion;
using TraceChain.Imaging.Frames;
using TraceChain.Imaging.Labels;

namespace TraceGateway.Tests.Support;

/// <summary>Phone-like photos of labels: zint label, placed in a 1280x720 frame with the camera simulator's distortions, as PNG.</summary>
public static class PackPhotos
{
    private static readonly LabelWriter Writer = new(new LabelOptions { ModulePixels = 4, QuietZoneModules = 2 });

    /// <summary>The GS1 Data Matrix of a pack (GTIN, expiry, batch, serial) photographed slightly rotated, tilted, blurred and noisy.</summary>
    public static byte[] DataMatrix(string gtin, string expiry, string batch, string serial, int seed = 7) =>
        Photo(Label.Gs1DataMatrix($"(01){gtin}(17){expiry}(10){batch}(21){serial}"), seed);

    /// <summary>A distorted photo of any label.</summary>
    public static byte[] Photo(Label label, int seed = 7)
    {
        var settings = new DistortionSettings
        {
            CenterX = 0.45,
            CenterY = 0.55,
            Scale = 1.6,
            RotationDegrees = 12,
            Perspective = 0.04,
            BlurSigma = 0.8,
            NoiseSigma = 6,
            InkLevel = 30,
            PaperLevel = 225,
            BackgroundLevel = 120,
        };
        return GrayPngEncoder.Encode(FrameSimulator.Render(Writer.WriteGray(label), 1280, 720, settings, new Random(seed)).Frame);
    }

    /// <summary>Several labels side by side on white, undistorted (a photo of a pack showing more than one code).</summary>
    public static byte[] SideBySide(params Label[] labels)
    {
        var images = labels.Select(Writer.WriteGray).ToList();
        var width = images.Sum(i => i.Width) + (40 * (images.Count + 1));
        var height = images.Max(i => i.Height) + 80;
        var frame = GrayImage.Filled(width, height, 255);
        var x = 40;
        foreach (var image in images)
        {
            for (var row = 0; row < image.Height; row++)
            {
                Array.Copy(image.Pixels, row * image.Width, frame.Pixels, ((row + 40) * width) + x, image.Width);
            }

            x += image.Width + 40;
        }

        return GrayPngEncoder.Encode(frame);
    }

    /// <summary>A plain white photo: no code anywhere.</summary>
    public static byte[] Blank() => GrayPngEncoder.Encode(GrayImage.Filled(640, 480, 235));
}
