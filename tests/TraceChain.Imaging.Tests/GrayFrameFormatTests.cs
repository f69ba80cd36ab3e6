using GrayFrameFormat = TraceChain.Imaging.Frames.GrayFrameFormat;

namespace TraceChain.Imaging.Tests;

public sealed class GrayFrameFormatTests
{
    [Fact]
    public void Encode_ThenDecode_GivesTheSamePixels_HeaderIsMagicWidthHeightBigEndian()
    {
        var image = new GrayImage(3, 2, [0, 50, 100, 150, 200, 250]);

        var bytes = GrayFrameFormat.Encode(image);
        var decoded = GrayFrameFormat.TryDecode(bytes, ImagingLimits.Default, out var problem);

        Assert.Equal([(byte)'T', (byte)'C', (byte)'G', (byte)'8', 0, 0, 0, 3, 0, 0, 0, 2, 0, 50, 100, 150, 200, 250], bytes);
        Assert.Null(problem);
        Assert.Equal((3, 2), (decoded!.Width, decoded.Height));
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Theory]
    [InlineData(new byte[] { 0x54, 0x43, 0x47 }, "not a TCG8 gray frame")]
    [InlineData(new byte[] { 0x54, 0x43, 0x47, 0x38, 0, 0, 0, 0, 0, 0, 0, 1 }, "gray frame header says 0x1 pixels")]
    [InlineData(new byte[] { 0x54, 0x43, 0x47, 0x38, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3 }, "gray frame header says 2x2 = 4 pixels but 3 bytes follow")]
    [InlineData(new byte[] { 0x54, 0x43, 0x47, 0x38, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 1 }, "gray frame is 4294967295x1 pixels, over the limit")]
    public void TryDecode_BadFrame_NamesTheProblem(byte[] frame, string problem)
    {
        Assert.Null(GrayFrameFormat.TryDecode(frame, ImagingLimits.Default, out var actual));
        Assert.StartsWith(problem, actual, StringComparison.Ordinal);
    }
}
