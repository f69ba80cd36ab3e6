using TraceChain.Imaging.Labels;

namespace TraceChain.Imaging.Tests;

public sealed class BarcodeReaderTests
{
    private static readonly LabelWriter Writer = new();

    [Fact]
    public void Decode_JpegGoldenVector_ReadsGs1DataMatrix()
    {
        var code = Assert.Single(new BarcodeReader().Decode(TestData.Read("imaging", "gs1-datamatrix-q85.jpg")));

        Assert.Equal(BarcodeFormats.DataMatrix, code.Format);
        Assert.Equal("]d2", code.SymbologyIdentifier);
        Assert.Equal("010950600013435217271231" + "10LOT42\u001D" + "21JPEGSERIAL7", code.Text);
    }

    [Fact]
    public void DecodeGray_OffCentreDataMatrix_FoundOnlyWithRegionScan()
    {
        var label = Writer.WriteGray(Label.Gs1DataMatrix("(01)09506000134352(21)OFFCENTRE"));
        var frame = Frames.Paste(1280, 720, 128, (label, 40, 40));

        var plain = new BarcodeReader(new ReaderOptions { ScanRegions = false }).DecodeGray(frame);
        var scanned = new BarcodeReader().DecodeGray(frame);

        // zxing-cpp 1.4 only follows the centre lines of the image for Data Matrix; the region scan fixes it.
        Assert.Empty(plain);
        Assert.Equal("]d2", Assert.Single(scanned).SymbologyIdentifier);
    }

    [Fact]
    public void DecodeGray_TwoLabelsInOneFrame_FindsBoth()
    {
        var dm = Writer.WriteGray(Label.Gs1DataMatrix("(01)09506000134352(21)FIRST"));
        var qr = Writer.WriteGray(Label.DigitalLinkQrCode("https://id.example.com/01/09506000134352/21/SECOND"));
        var frame = Frames.Paste(1280, 720, 200, (dm, 100, 300), (qr, 800, 150));

        var codes = new BarcodeReader().DecodeGray(frame);

        Assert.Equal(2, codes.Count);
        Assert.Contains(codes, c => c.SymbologyIdentifier == "]d2" && c.Text.EndsWith("21FIRST", StringComparison.Ordinal));
        Assert.Contains(codes, c => c.SymbologyIdentifier == "]Q1" && c.Text.EndsWith("/21/SECOND", StringComparison.Ordinal));
    }

    [Fact]
    public void DecodeGray_ManyThreadsAtOnce_EveryFrameReadsItsOwnCode()
    {
        var reader = new BarcodeReader();
        var labels = Enumerable.Range(0, 16)
            .Select(i => (Serial: $"PAR{i:D4}", Image: Writer.WriteGray(Label.Gs1DataMatrix($"(01)09506000134352(21)PAR{i:D4}"))))
            .ToArray();

        var texts = new string[labels.Length];
        Parallel.For(0, labels.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            var i = k % labels.Length;
            texts[i] = Assert.Single(reader.DecodeGray(labels[i].Image)).Text;
        });

        for (var i = 0; i < labels.Length; i++)
        {
            Assert.Equal("0109506000134352" + "21" + labels[i].Serial, texts[i]);
        }
    }

    [Fact]
    public void DecodeGray_BlankFrame_ReturnsNothing() =>
        Assert.Empty(new BarcodeReader().DecodeGray(GrayImage.Filled(640, 480, 255)));

    [Fact]
    public void DecodeGray_WithStride_ReadsThePaddedRows()
    {
        var label = Writer.WriteGray(Label.Gs1DataMatrix("(01)09506000134352(21)STRIDE"));
        const int stride = 1024;
        var padded = new byte[stride * label.Height];
        padded.AsSpan().Fill(0x55);
        for (var y = 0; y < label.Height; y++)
        {
            label.Pixels.AsSpan(y * label.Width, label.Width).CopyTo(padded.AsSpan(y * stride));
        }

        var code = Assert.Single(new BarcodeReader().DecodeGray(padded, label.Width, label.Height, stride));
        Assert.EndsWith("21STRIDE", code.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeGray_BufferSmallerThanDimensions_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BarcodeReader().DecodeGray(new byte[100], 20, 20));
        Assert.Contains("needs 400 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeGray_FrameOverPixelLimit_RefusedWithDimensions()
    {
        var reader = new BarcodeReader(limits: new ImagingLimits { MaxPixels = 1000 });
        var ex = Assert.Throws<ImagingException>(() => reader.DecodeGray(new byte[64 * 64], 64, 64));
        Assert.Equal(ImagingErrorKind.LimitExceeded, ex.Kind);
        Assert.Contains("64x64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BarcodeReader(new ReaderOptions { MaxSymbols = 0 }));
        Assert.Throws<ArgumentException>(() => new BarcodeReader(limits: new ImagingLimits { MaxWidth = 0 }));
    }

    [Fact]
    public void NativeVersion_NamesBothLibraries()
    {
        Assert.Contains("zxing-cpp 1.4", BarcodeReader.NativeVersion, StringComparison.Ordinal);
        Assert.Contains("zint 211", BarcodeReader.NativeVersion, StringComparison.Ordinal);
    }
}
