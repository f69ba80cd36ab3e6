using TraceChain.Imaging.Distortion;

namespace TraceChain.Imaging.Tests.Distortion;

public sealed class GrayFiltersTests
{
    [Fact]
    public void GaussianBlur_SharpEdge_BecomesAMonotonicRampAndKeepsFlatAreas()
    {
        const int width = 40;
        const int height = 8;
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            pixels.AsSpan((y * width) + (width / 2), width / 2).Fill(200);
        }

        GrayFilters.GaussianBlur(pixels, width, height, 1.5, 0, 0, width, height);

        var row = pixels.AsSpan(3 * width, width).ToArray();
        Assert.Equal(0, row[0]);
        Assert.Equal(200, row[^1]);
        Assert.InRange(row[(width / 2) - 1], 60, 100);
        Assert.InRange(row[width / 2], 100, 140);
        for (var x = 1; x < width; x++)
        {
            Assert.True(row[x] >= row[x - 1], $"not monotonic at {x}");
        }
    }

    [Fact]
    public void AddNoise_HasTheRequestedSpreadAndNoBias()
    {
        var pixels = new byte[200_000];
        pixels.AsSpan().Fill(128);

        GrayFilters.AddNoise(pixels, 5, new Random(4));

        var mean = pixels.Average(p => (double)p);
        var sd = Math.Sqrt(pixels.Average(p => (p - mean) * (p - mean)));
        Assert.InRange(mean, 127.5, 128.5);
        Assert.InRange(sd, 4.5, 5.5);
    }
}
