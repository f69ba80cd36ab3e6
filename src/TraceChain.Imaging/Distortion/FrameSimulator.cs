namespace TraceChain.Imaging.Distortion;

/// <summary>
/// Places a label into a larger camera frame the way a camera would see it: pose (scale, rotation,
/// perspective), contrast, blur and noise. Pure and reproducible: the same inputs and seed give the same frame.
/// </summary>
public static class FrameSimulator
{
    /// <summary>Renders a <paramref name="frameWidth"/> x <paramref name="frameHeight"/> frame with <paramref name="label"/> in it.</summary>
    /// <param name="label">The label, 0 = ink, 255 = paper (as <c>LabelWriter.WriteGray</c> makes it).</param>
    /// <param name="frameWidth">Frame width in pixels, e.g. 1280.</param>
    /// <param name="frameHeight">Frame height in pixels, e.g. 720.</param>
    /// <param name="settings">The pose, optics and sensor.</param>
    /// <param name="random">Source of the perspective jitter and the noise; seed it for reproducible frames.</param>
    public static DistortedFrame Render(GrayImage label, int frameWidth, int frameHeight, DistortionSettings settings, Random random)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Scale);

        var corners = PlaceCorners(label, frameWidth, frameHeight, settings, random);
        (double X, double Y)[] labelCorners = [(0, 0), (label.Width, 0), (label.Width, label.Height), (0, label.Height)];
        // Map frame pixels back into the label (inverse warp), so every frame pixel is sampled exactly once.
        var toLabel = Homography.FromQuads(corners, labelCorners);

        var frame = GrayImage.Filled(frameWidth, frameHeight, settings.BackgroundLevel);
        var pixels = frame.Pixels;
        var x0 = Math.Max(0, (int)Math.Floor(corners.Min(c => c.X)));
        var x1 = Math.Min(frameWidth, (int)Math.Ceiling(corners.Max(c => c.X)) + 1);
        var y0 = Math.Max(0, (int)Math.Floor(corners.Min(c => c.Y)));
        var y1 = Math.Min(frameHeight, (int)Math.Ceiling(corners.Max(c => c.Y)) + 1);
        var ink = settings.InkLevel;
        var range = settings.PaperLevel - ink;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var (u, v) = toLabel.Map(x + 0.5, y + 0.5);
                if (u >= 0 && v >= 0 && u < label.Width && v < label.Height)
                {
                    pixels[(y * frameWidth) + x] = GrayFilters.ToByte(ink + (range * Bilinear(label, u - 0.5, v - 0.5) / 255.0));
                }
            }
        }

        // Outside the label's box the frame is uniform, so blurring the box (plus the kernel's reach) is the whole blur.
        var reach = (int)Math.Ceiling(3 * settings.BlurSigma) + 1;
        GrayFilters.GaussianBlur(pixels, frameWidth, frameHeight, settings.BlurSigma,
            Math.Max(0, x0 - reach), Math.Max(0, y0 - reach), Math.Min(frameWidth, x1 + reach), Math.Min(frameHeight, y1 + reach));
        GrayFilters.AddNoise(pixels, settings.NoiseSigma, random);
        return new DistortedFrame(frame, corners);
    }

    private static (double X, double Y)[] PlaceCorners(GrayImage label, int frameWidth, int frameHeight, DistortionSettings s, Random random)
    {
        var halfW = label.Width * s.Scale / 2;
        var halfH = label.Height * s.Scale / 2;
        var jitter = s.Perspective * Math.Max(halfW, halfH) * 2;
        var angle = s.RotationDegrees * Math.PI / 180;
        var (sin, cos) = Math.SinCos(angle);
        (double X, double Y)[] local = [(-halfW, -halfH), (halfW, -halfH), (halfW, halfH), (-halfW, halfH)];
        var corners = new (double X, double Y)[4];
        for (var i = 0; i < 4; i++)
        {
            var (x, y) = local[i];
            x += (random.NextDouble() * 2 - 1) * jitter;
            y += (random.NextDouble() * 2 - 1) * jitter;
            corners[i] = ((x * cos) - (y * sin), (x * sin) + (y * cos));
        }

        // Centre where asked, then shift back inside the frame if a corner would fall outside.
        var cx = s.CenterX * frameWidth;
        var cy = s.CenterY * frameHeight;
        var minX = corners.Min(c => c.X) + cx;
        var maxX = corners.Max(c => c.X) + cx;
        var minY = corners.Min(c => c.Y) + cy;
        var maxY = corners.Max(c => c.Y) + cy;
        cx += ShiftInside(minX, maxX, frameWidth);
        cy += ShiftInside(minY, maxY, frameHeight);
        return [.. corners.Select(c => (c.X + cx, c.Y + cy))];
    }

    private static double ShiftInside(double min, double max, int size)
    {
        if (max - min >= size)
        {
            return (size / 2.0) - ((min + max) / 2);
        }

        return min < 0 ? -min : max > size ? size - max : 0;
    }

    private static double Bilinear(GrayImage image, double x, double y)
    {
        var xi = (int)Math.Floor(x);
        var yi = (int)Math.Floor(y);
        var fx = x - xi;
        var fy = y - yi;
        var px = image.Pixels;
        var w = image.Width;
        var x0 = Math.Clamp(xi, 0, w - 1);
        var x1 = Math.Clamp(xi + 1, 0, w - 1);
        var row0 = Math.Clamp(yi, 0, image.Height - 1) * w;
        var row1 = Math.Clamp(yi + 1, 0, image.Height - 1) * w;
        var top = (px[row0 + x0] * (1 - fx)) + (px[row0 + x1] * fx);
        var bottom = (px[row1 + x0] * (1 - fx)) + (px[row1 + x1] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }
}
