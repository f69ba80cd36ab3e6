using TraceChain.Imaging.Distortion;
using TraceChain.Imaging.Labels;

namespace TraceChain.Imaging.Tests.Distortion;

public sealed class FrameSimulatorTests
{
    private static readonly GrayImage Label = new LabelWriter().WriteGray(Imaging.Labels.Label.Gs1DataMatrix("(01)09506000134352(21)SIM"));

    [Fact]
    public void Render_SameSeed_SameFrame()
    {
        var settings = DistortionSettings.Sample(new Random(3));
        var a = FrameSimulator.Render(Label, 640, 480, settings, new Random(11)).Frame;
        var b = FrameSimulator.Render(Label, 640, 480, settings, new Random(11)).Frame;
        var c = FrameSimulator.Render(Label, 640, 480, settings, new Random(12)).Frame;

        Assert.Equal(a.Pixels, b.Pixels);
        Assert.NotEqual(a.Pixels, c.Pixels);
    }

    [Fact]
    public void Render_NoDistortion_CopiesTheLabelPixelForPixelAtTheCentre()
    {
        var settings = new DistortionSettings { InkLevel = 0, PaperLevel = 255, BackgroundLevel = 77 };
        var placed = FrameSimulator.Render(Label, 1280, 720, settings, new Random(1));

        var left = (1280 - Label.Width) / 2;
        var top = (720 - Label.Height) / 2;
        Assert.Equal((left, top), ((int)placed.LabelCorners[0].X, (int)placed.LabelCorners[0].Y));
        for (var y = 0; y < Label.Height; y++)
        {
            for (var x = 0; x < Label.Width; x++)
            {
                Assert.Equal(Label[x, y], placed.Frame[left + x, top + y]);
            }
        }

        Assert.Equal(77, placed.Frame[0, 0]);
    }

    [Fact]
    public void Render_LowContrast_MapsInkAndPaperLevels()
    {
        var settings = new DistortionSettings { InkLevel = 90, PaperLevel = 160 };
        var frame = FrameSimulator.Render(Label, 1280, 720, settings, new Random(1)).Frame;

        var inside = frame.Pixels.Where(p => p != settings.BackgroundLevel).ToArray();
        Assert.Equal(90, inside.Min());
        Assert.Equal(160, inside.Max());
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.0, 1.0)]
    public void Render_CentreAtTheEdge_KeepsTheLabelInsideTheFrame(double cx, double cy)
    {
        var settings = new DistortionSettings { CenterX = cx, CenterY = cy, RotationDegrees = 30, Scale = 1.3, Perspective = 0.05 };
        var placed = FrameSimulator.Render(Label, 1280, 720, settings, new Random(5));

        Assert.All(placed.LabelCorners, c => Assert.InRange(c.X, 0, 1280));
        Assert.All(placed.LabelCorners, c => Assert.InRange(c.Y, 0, 720));
    }

    [Fact]
    public void Homography_MapsTheFourCornersOntoTheirTargets()
    {
        (double X, double Y)[] from = [(0, 0), (100, 0), (100, 50), (0, 50)];
        (double X, double Y)[] to = [(10, 20), (120, 15), (130, 80), (5, 70)];

        var h = Homography.FromQuads(from, to);

        for (var i = 0; i < 4; i++)
        {
            var (x, y) = h.Map(from[i].X, from[i].Y);
            Assert.Equal(to[i].X, x, 6);
            Assert.Equal(to[i].Y, y, 6);
        }
    }

    [Fact]
    public void Homography_DegenerateQuad_Throws()
    {
        (double X, double Y)[] line = [(0, 0), (1, 1), (2, 2), (3, 3)];
        Assert.Throws<ArgumentException>(() => Homography.FromQuads(line, line));
    }
}
