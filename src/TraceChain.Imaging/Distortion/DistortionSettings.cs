namespace TraceChain.Imaging.Distortion;

/// <summary>
/// How a label looks to a camera: where it sits in the frame, its pose, the optics and the sensor.
/// </summary>
public sealed record DistortionSettings
{
    /// <summary>Label centre as a fraction of frame width (0..1); the label is kept inside the frame.</summary>
    public double CenterX { get; init; } = 0.5;

    /// <summary>Label centre as a fraction of frame height (0..1).</summary>
    public double CenterY { get; init; } = 0.5;

    /// <summary>Magnification of the label's pixels (1 = label pixels map 1:1 to frame pixels).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>In-plane rotation in degrees, clockwise.</summary>
    public double RotationDegrees { get; init; }

    /// <summary>Perspective: each corner moves by up to this fraction of the label's size (0 = flat, 0.1 = strong tilt).</summary>
    public double Perspective { get; init; }

    /// <summary>Gaussian blur sigma in frame pixels (defocus, motion).</summary>
    public double BlurSigma { get; init; }

    /// <summary>Sensor noise: standard deviation of added Gaussian noise, in gray levels.</summary>
    public double NoiseSigma { get; init; }

    /// <summary>Gray level of the printed (black) modules as seen by the camera.</summary>
    public byte InkLevel { get; init; }

    /// <summary>Gray level of the label's paper (white) as seen by the camera.</summary>
    public byte PaperLevel { get; init; } = 255;

    /// <summary>Gray level of the scene around the label.</summary>
    public byte BackgroundLevel { get; init; } = 128;

    /// <summary>
    /// Settings a handheld or counter camera plausibly produces: anywhere in the frame, scale 0.75-1.5, any
    /// rotation, tilt (corners move up to 8 % of the label size), defocus (blur sigma up to 1.2 px), sensor noise
    /// (sigma up to 6 levels) and contrast from good down to poor (ink 10-80 on paper 160-245).
    /// </summary>
    public static DistortionSettings Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new DistortionSettings
        {
            CenterX = Between(random, 0.1, 0.9),
            CenterY = Between(random, 0.1, 0.9),
            Scale = Between(random, 0.75, 1.5),
            RotationDegrees = Between(random, 0, 360),
            Perspective = Between(random, 0, 0.08),
            BlurSigma = Between(random, 0, 1.2),
            NoiseSigma = Between(random, 0, 6),
            InkLevel = (byte)random.Next(10, 81),
            PaperLevel = (byte)random.Next(160, 246),
            BackgroundLevel = (byte)random.Next(40, 220),
        };
    }

    private static double Between(Random random, double low, double high) => low + (random.NextDouble() * (high - low));
}
