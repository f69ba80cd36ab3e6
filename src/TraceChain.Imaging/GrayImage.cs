namespace TraceChain.Imaging;

/// <summary>An 8-bit grayscale image, row-major, one byte per pixel, rows packed (stride = width).</summary>
public sealed class GrayImage
{
    /// <summary>Wraps <paramref name="pixels"/>, which must hold exactly width x height bytes.</summary>
    public GrayImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.LongLength != (long)width * height)
        {
            throw new ArgumentException($"a {width}x{height} image needs {(long)width * height} bytes, got {pixels.LongLength}", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>A width x height image filled with <paramref name="level"/>.</summary>
    public static GrayImage Filled(int width, int height, byte level)
    {
        var pixels = new byte[checked(width * height)];
        pixels.AsSpan().Fill(level);
        return new GrayImage(width, height, pixels);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The pixels, 0 = black, 255 = white.</summary>
    public byte[] Pixels { get; }

    /// <summary>The pixel at (x, y).</summary>
    public byte this[int x, int y] => Pixels[(y * Width) + x];
}
