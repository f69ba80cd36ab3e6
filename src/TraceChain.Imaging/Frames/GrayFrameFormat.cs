using System.Buffers.Binary;

namespace TraceChain.Imaging.Frames;

/// <summary>
/// The raw camera frame format of TraceChain: a 12-byte header, then the pixels. Pure: bytes in, values out.
/// <code>
/// offset 0  4 bytes  magic "TCG8" (0x54 0x43 0x47 0x38)
/// offset 4  4 bytes  width in pixels, unsigned big-endian
/// offset 8  4 bytes  height in pixels, unsigned big-endian
/// offset 12 width x height bytes, 8-bit gray, row-major, rows packed, 0 = black
/// </code>
/// Cameras that already hold a grayscale (or the Y plane of a YUV) frame send it without compressing it.
/// </summary>
public static class GrayFrameFormat
{
    /// <summary>Size of the header.</summary>
    public const int HeaderLength = 12;

    /// <summary>The magic bytes "TCG8".</summary>
    public static ReadOnlySpan<byte> Magic => "TCG8"u8;

    /// <summary>True when <paramref name="data"/> starts with the magic.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> data) => data.StartsWith(Magic);

    /// <summary>Encodes a frame: header and pixels.</summary>
    public static byte[] Encode(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var bytes = new byte[HeaderLength + image.Pixels.Length];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), (uint)image.Width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), (uint)image.Height);
        image.Pixels.CopyTo(bytes, HeaderLength);
        return bytes;
    }

    /// <summary>
    /// Decodes a frame. The header's dimensions are checked against <paramref name="limits"/> before the pixels are
    /// copied, and the length must match them exactly.
    /// </summary>
    /// <returns>The image, or null with <paramref name="problem"/> naming what is wrong.</returns>
    public static GrayImage? TryDecode(ReadOnlySpan<byte> data, ImagingLimits limits, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (data.Length < HeaderLength || !HasMagic(data))
        {
            problem = $"not a TCG8 gray frame (needs the 4-byte magic \"TCG8\" and a {HeaderLength}-byte header, got {data.Length} bytes)";
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
        if (width == 0 || height == 0)
        {
            problem = $"gray frame header says {width}x{height} pixels";
            return null;
        }

        if (width > (uint)limits.MaxWidth || height > (uint)limits.MaxHeight || (ulong)width * height > (ulong)limits.MaxPixels)
        {
            problem = $"gray frame is {width}x{height} pixels, over the limit of {limits.MaxWidth}x{limits.MaxHeight} and {limits.MaxPixels} pixels";
            return null;
        }

        var expected = (long)width * height;
        if (data.Length - HeaderLength != expected)
        {
            problem = $"gray frame header says {width}x{height} = {expected} pixels but {data.Length - HeaderLength} bytes follow";
            return null;
        }

        problem = null;
        return new GrayImage((int)width, (int)height, data[HeaderLength..].ToArray());
    }
}
