namespace TraceChain.Imaging.Distortion;

/// <summary>In-place filters over packed 8-bit grayscale buffers.</summary>
internal static class GrayFilters
{
    /// <summary>Separable Gaussian blur of the rectangle [x0,x1) x [y0,y1); pixels outside are read, not written.</summary>
    public static void GaussianBlur(byte[] pixels, int width, int height, double sigma, int x0, int y0, int x1, int y1)
    {
        if (sigma <= 0.05)
        {
            return;
        }

        var radius = (int)Math.Ceiling(3 * sigma);
        var kernel = new double[(2 * radius) + 1];
        var sum = 0.0;
        for (var i = -radius; i <= radius; i++)
        {
            kernel[i + radius] = Math.Exp(-(i * i) / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }

        for (var i = 0; i < kernel.Length; i++)
        {
            kernel[i] /= sum;
        }

        var w = x1 - x0;
        var temp = new double[w * (y1 - y0)];
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var acc = 0.0;
                for (var k = -radius; k <= radius; k++)
                {
                    acc += kernel[k + radius] * pixels[(y * width) + Math.Clamp(x + k, 0, width - 1)];
                }

                temp[((y - y0) * w) + (x - x0)] = acc;
            }
        }

        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var acc = 0.0;
                for (var k = -radius; k <= radius; k++)
                {
                    var yy = Math.Clamp(y + k, y0, y1 - 1);
                    acc += kernel[k + radius] * temp[((yy - y0) * w) + (x - x0)];
                }

                pixels[(y * width) + x] = ToByte(acc);
            }
        }
    }

    /// <summary>Adds zero-mean Gaussian noise of standard deviation <paramref name="sigma"/> to every pixel.</summary>
    public static void AddNoise(byte[] pixels, double sigma, Random random)
    {
        if (sigma <= 0)
        {
            return;
        }

        // A frame has a million pixels: draw from a table of normal samples (Box-Muller, seeded from random)
        // indexed by a xorshift generator instead of calling Random and Math.Log per pixel.
        const int tableSize = 1 << 14;
        var table = new short[tableSize];
        for (var i = 0; i < tableSize; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            table[i] = (short)Math.Round(sigma * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        var state = (uint)random.Next(1, int.MaxValue);
        for (var i = 0; i < pixels.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            pixels[i] = (byte)Math.Clamp(pixels[i] + table[state & (tableSize - 1)], 0, 255);
        }
    }

    public static byte ToByte(double value) => (byte)Math.Clamp((int)Math.Round(value), 0, 255);
}
