using System.Text;
using TraceChain.Imaging.Distortion;
using TraceChain.Imaging.Labels;

namespace TraceChain.Imaging.Tests;

public sealed class RoundTripTests
{
    private const int Packs = 500;
    private static readonly BarcodeReader Reader = new(new ReaderOptions { Formats = BarcodeFormats.DataMatrix | BarcodeFormats.QrCode, MaxSymbols = 1 });
    private static readonly LabelWriter Writer = new();

    [Fact]
    public void Gs1DataMatrix_500RandomPacksThroughCameraDistortion_DecodesAtLeast99PercentWithNoMisread()
    {
        var random = new Random(20261122);
        var decoded = 0;
        var misses = new List<string>();
        for (var i = 0; i < Packs; i++)
        {
            var pack = PackCode.Random(random);
            var label = Writer.WriteGray(Label.Gs1DataMatrix(pack.ElementString));
            var settings = DistortionSettings.Sample(random);
            var frame = FrameSimulator.Render(label, 1280, 720, settings, random).Frame;

            var codes = Reader.DecodeGray(frame);

            // A code that decodes to anything but the printed data is a misread: never acceptable.
            foreach (var code in codes)
            {
                Assert.Equal(BarcodeFormats.DataMatrix, code.Format);
                Assert.Equal("]d2", code.SymbologyIdentifier);
                Assert.Equal(pack.ExpectedBytes, code.RawBytes.ToArray());
                Assert.Equal(Encoding.ASCII.GetString(pack.ExpectedBytes), code.Text);
            }

            if (codes.Count == 1)
            {
                decoded++;
            }
            else
            {
                misses.Add($"{pack.ElementString} {settings}");
            }
        }

        Assert.True(decoded >= Packs * 99 / 100, $"decoded {decoded}/{Packs}; missed:\n{string.Join('\n', misses)}");
    }

    [Fact]
    public void Gs1DataMatrix_Png_DecodesWithD2AndGsAfterBatch()
    {
        var pack = new PackCode("09506000134352", "261231", "AB-12", "X7Y8Z9K2M4");
        var png = Writer.WritePng(Label.Gs1DataMatrix(pack.ElementString));

        var code = Assert.Single(Reader.Decode(png));

        Assert.Equal("]d2", code.SymbologyIdentifier);
        Assert.True(code.IsGs1);
        Assert.Equal("010950600013435217261231" + "10AB-12\u001D" + "21X7Y8Z9K2M4", code.Text);
        Assert.Equal(pack.ExpectedBytes, code.RawBytes.ToArray());
    }

    [Fact]
    public void Gs1QrCode_Png_DecodesWithQ3AndGsAfterBatch()
    {
        var pack = new PackCode("09506000134352", "270101", "LOT7", "SERIAL0001");
        var png = Writer.WritePng(Label.Gs1QrCode(pack.ElementString));

        var code = Assert.Single(Reader.Decode(png));

        Assert.Equal(BarcodeFormats.QrCode, code.Format);
        Assert.Equal("]Q3", code.SymbologyIdentifier);
        Assert.Equal(pack.ExpectedBytes, code.RawBytes.ToArray());
    }

    [Fact]
    public void DigitalLinkQrCode_InDistortedFrames_DecodesAsPlainQrWithTheUri()
    {
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var pack = PackCode.Random(random);
            var label = Writer.WriteGray(Label.DigitalLinkQrCode(pack.DigitalLink));
            var frame = FrameSimulator.Render(label, 1280, 720, DistortionSettings.Sample(random), random).Frame;

            var code = Assert.Single(Reader.DecodeGray(frame));

            Assert.Equal(BarcodeFormats.QrCode, code.Format);
            Assert.Equal("]Q1", code.SymbologyIdentifier);
            Assert.False(code.IsGs1);
            Assert.Equal(pack.DigitalLink, code.Text);
        }
    }

    [Fact]
    public void Gs1DataMatrix_Decoded_CornersLieOnThePlacedLabel()
    {
        var label = Writer.WriteGray(Label.Gs1DataMatrix("(01)09506000134352(21)ABC123"));
        var settings = new DistortionSettings { CenterX = 0.3, CenterY = 0.7, InkLevel = 20, PaperLevel = 230 };
        var placed = FrameSimulator.Render(label, 1280, 720, settings, new Random(1));

        var code = Assert.Single(Reader.DecodeGray(placed.Frame));

        var (minX, maxX) = (placed.LabelCorners.Min(c => c.X), placed.LabelCorners.Max(c => c.X));
        var (minY, maxY) = (placed.LabelCorners.Min(c => c.Y), placed.LabelCorners.Max(c => c.Y));
        Assert.All(code.Corners, p => Assert.InRange(p.X, minX, maxX));
        Assert.All(code.Corners, p => Assert.InRange(p.Y, minY, maxY));
    }

    [Fact]
    public void QrCode_ChineseText_ReadsBackAsUtf8WithEci()
    {
        const string text = "药品追溯码 81234567890123456789";
        var code = Assert.Single(Reader.Decode(Writer.WritePng(Label.QrCode(text))));

        Assert.Equal(BarcodeFormats.QrCode, code.Format);
        // AIM says ]Q2 when an ECI is present; zxing-cpp 1.4 reports the base modifier.
        Assert.StartsWith("]Q", code.SymbologyIdentifier, StringComparison.Ordinal);
        Assert.Equal(text, code.Text);
        Assert.False(code.IsGs1);
    }
}
