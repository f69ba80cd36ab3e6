using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TraceChain.Imaging.Labels;

namespace TraceChain.Imaging.Tests;

public sealed class MalformedImageTests
{
    private static readonly BarcodeReader Reader = new();
    private static readonly byte[] GoodPng = new LabelWriter().WritePng(Label.Gs1DataMatrix("(01)09506000134352(21)MALFORMED1"));

    [Fact]
    public void Decode_ZeroLength_ReportsEmptyImage()
    {
        var ex = Assert.Throws<ImagingException>(() => Reader.Decode([]));
        Assert.Equal(ImagingErrorKind.MalformedImage, ex.Kind);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000")]
    [InlineData("BM this is not a bitmap either")]
    [InlineData("hello")]
    public void Decode_WrongMagic_ReportsNotPngOrJpeg(string content)
    {
        var ex = Assert.Throws<ImagingException>(() => Reader.Decode(System.Text.Encoding.ASCII.GetBytes(content)));
        Assert.Equal(ImagingErrorKind.MalformedImage, ex.Kind);
        Assert.Contains("not a PNG or JPEG", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PngCutInsideTheHeader_ReportsTruncated()
    {
        var ex = Assert.Throws<ImagingException>(() => Reader.Decode(GoodPng.AsSpan(0, 20)));
        Assert.Equal(ImagingErrorKind.MalformedImage, ex.Kind);
        Assert.Contains("truncated PNG", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PngCutInsideTheImageData_ReportsMalformedPng()
    {
        var ex = Assert.Throws<ImagingException>(() => Reader.Decode(GoodPng.AsSpan(0, GoodPng.Length / 2)));
        Assert.Equal(ImagingErrorKind.MalformedImage, ex.Kind);
        Assert.Contains("PNG", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PngHeaderClaiming100000Squared_RefusedBeforeDecoding()
    {
        var ex = Assert.Throws<ImagingException>(() => Reader.Decode(Png.WithHeader(100_000, 100_000)));
        Assert.Equal(ImagingErrorKind.LimitExceeded, ex.Kind);
        Assert.Contains("100000x100000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_JpegHeaderClaiming60000Squared_RefusedBeforeDecoding()
    {
        // SOI, then a baseline SOF0 for a 60000x60000 single-component image, then EOI.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0xEA, 0x60, 0xEA, 0x60, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9];
        var ex = Assert.Throws<ImagingException>(() => Reader.Decode(jpeg));
        Assert.Equal(ImagingErrorKind.LimitExceeded, ex.Kind);
        Assert.Contains("60000x60000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_FileLargerThanLimit_RefusedWithSizes()
    {
        var reader = new BarcodeReader(limits: new ImagingLimits { MaxEncodedBytes = 100 });
        var ex = Assert.Throws<ImagingException>(() => reader.Decode(GoodPng));
        Assert.Equal(ImagingErrorKind.LimitExceeded, ex.Kind);
        Assert.Contains($"{GoodPng.Length} bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ImageWiderThanLimit_Refused()
    {
        var reader = new BarcodeReader(limits: new ImagingLimits { MaxWidth = 50 });
        var ex = Assert.Throws<ImagingException>(() => reader.Decode(GoodPng));
        Assert.Equal(ImagingErrorKind.LimitExceeded, ex.Kind);
    }

    [Fact]
    public void Decode_TruncatedJpeg_FailsCleanlyOrReadsTheRightCode()
    {
        var jpeg = TestData.Read("imaging", "gs1-datamatrix-q85.jpg");
        for (var length = 3; length < jpeg.Length; length += jpeg.Length / 23)
        {
            AssertFailsCleanlyOrReadsOnly(jpeg.AsSpan(0, length), "0109506000134352");
        }
    }

    [Fact]
    public void Decode_CorruptedPngBytes_FailsCleanlyOrReadsTheRightCode()
    {
        var random = new Random(99);
        for (var i = 0; i < 40; i++)
        {
            var corrupt = (byte[])GoodPng.Clone();
            for (var k = 0; k < 1 + (i % 5); k++)
            {
                corrupt[random.Next(8, corrupt.Length)] = (byte)random.Next(256);
            }

            AssertFailsCleanlyOrReadsOnly(corrupt, "0109506000134352");
        }
    }

    [Property(MaxTest = 200)]
    public void Decode_AnyBytesAfterAValidSignature_ReturnsOrThrowsImagingException(byte[] tail, bool png)
    {
        byte[] head = png ? Png.Signature : [0xFF, 0xD8, 0xFF];
        var ex = Record.Exception(() => Reader.Decode([.. head, .. tail ?? []]));
        Assert.True(ex is null or ImagingException, ex?.ToString());
    }

    private static void AssertFailsCleanlyOrReadsOnly(ReadOnlySpan<byte> image, string expectedPrefix)
    {
        try
        {
            foreach (var code in Reader.Decode(image))
            {
                Assert.StartsWith(expectedPrefix, code.Text, StringComparison.Ordinal);
            }
        }
        catch (ImagingException ex)
        {
            Assert.NotEmpty(ex.Message);
        }
    }
}
