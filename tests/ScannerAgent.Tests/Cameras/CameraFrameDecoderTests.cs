using FirmwareSim.Camera;
using ScannerAgent.Cameras;
using ScannerAgent.Tests.Support;
using TraceChain.Imaging;
using TraceChain.Imaging.Frames;
using TraceChain.Imaging.Labels;

namespace ScannerAgent.Tests.Cameras;

public sealed class CameraFrameDecoderTests
{
    private static readonly LabelWriter Writer = new();

    [Fact]
    public void Decode_PngAndGrayFrames_GiveTheScanAsASerialScannerSendsIt()
    {
        var label = Writer.WriteGray(Label.Gs1DataMatrix("(01)09506000134352(17)271231(10)LOT42(21)F1"));
        var decoder = new CameraFrameDecoder(new BarcodeReader());

        var (fromPng, pngProblem) = decoder.Decode(GrayPngEncoder.Encode(label));
        var (fromGray, grayProblem) = decoder.Decode(GrayFrameFormat.Encode(label));

        Assert.Null(pngProblem);
        Assert.Null(grayProblem);
        Assert.Equal(TestCodes.Pack("F1"), Assert.Single(fromPng).TextWithSymbologyIdentifier);
        Assert.Equal(TestCodes.Pack("F1"), Assert.Single(fromGray).TextWithSymbologyIdentifier);
    }

    [Fact]
    public void Decode_Tray_GivesCodesInReadingOrder()
    {
        var labels = new[] { "T1", "T2", "T3", "T4" }.Select(s => Writer.WriteGray(Label.Gs1DataMatrix($"(01)09506000134352(17)271231(10)LOT42(21){s}"))).ToArray();
        var frame = GrayImage.Filled(800, 600, 200);
        (int X, int Y)[] at = [(40, 40), (440, 40), (40, 340), (440, 340)];
        for (var i = 0; i < 4; i++)
        {
            for (var row = 0; row < labels[i].Height; row++)
            {
                labels[i].Pixels.AsSpan(row * labels[i].Width, labels[i].Width).CopyTo(frame.Pixels.AsSpan(((at[i].Y + row) * 800) + at[i].X));
            }
        }

        var (codes, problem) = new CameraFrameDecoder(new BarcodeReader()).Decode(GrayFrameFormat.Encode(frame));

        Assert.Null(problem);
        Assert.Equal(new[] { "T1", "T2", "T3", "T4" }.Select(TestCodes.Pack), codes.Select(c => c.TextWithSymbologyIdentifier));
    }

    [Theory]
    [InlineData(new byte[] { }, "empty frame")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "not a PNG, JPEG or TCG8 gray frame (starts with 474946383961)")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, "MalformedImage")]
    public void Decode_NotAnImage_NamesTheProblem(byte[] frame, string problem)
    {
        var (codes, actual) = new CameraFrameDecoder(new BarcodeReader()).Decode(frame);

        Assert.Empty(codes);
        Assert.Contains(problem, actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_GrayFrameOverTheLimits_RefusedFromItsHeader()
    {
        // The header claims 20000x20000 pixels; only 12 bytes are sent. Refused before anything is allocated.
        byte[] header = [.. "TCG8"u8, 0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20];
        var decoder = new CameraFrameDecoder(new BarcodeReader(limits: ImagingLimits.Default with { MaxPixels = 1_000_000 }));

        var (_, problem) = decoder.Decode(header);

        Assert.Equal("gray frame is 20000x20000 pixels, over the limit of 16384x16384 and 1000000 pixels", problem);
    }

    [Fact]
    public void Decode_PngOverTheByteLimit_RefusedBeforeDecoding()
    {
        var png = GrayPngEncoder.Encode(Writer.WriteGray(Label.Gs1DataMatrix("(01)09506000134352(21)BIG")));
        var decoder = new CameraFrameDecoder(new BarcodeReader(limits: ImagingLimits.Default with { MaxEncodedBytes = png.Length - 1 }));

        var (codes, problem) = decoder.Decode(png);

        Assert.Empty(codes);
        Assert.StartsWith("LimitExceeded: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void IsComplete_TruncatedPngOrJpeg_IsNot()
    {
        var png = GrayPngEncoder.Encode(GrayImage.Filled(16, 16, 255));
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0xFF, 0xD9, 0x00];

        Assert.True(CameraFrameDecoder.IsComplete(png));
        Assert.False(CameraFrameDecoder.IsComplete(png.AsSpan(0, png.Length - 5)));
        Assert.True(CameraFrameDecoder.IsComplete(jpeg));
        Assert.False(CameraFrameDecoder.IsComplete(jpeg.AsSpan(0, 6)));
    }

    [Fact]
    public void IsComplete_AnEmptyFileOrTheStartOfASignature_IsStillBeingWritten_OtherBytesAreWhole()
    {
        // A rewrite in place starts by truncating the file: it must wait for its writer, not be rejected as empty.
        Assert.False(CameraFrameDecoder.IsComplete([]));
        Assert.False(CameraFrameDecoder.IsComplete([0x89, 0x50, 0x4E]));
        Assert.False(CameraFrameDecoder.IsComplete([0xFF, 0xD8]));
        Assert.True(CameraFrameDecoder.IsComplete("not an image"u8));
    }
}
