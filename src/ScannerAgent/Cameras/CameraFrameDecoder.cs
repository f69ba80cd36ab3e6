using TraceChain.Imaging;
using TraceChain.Imaging.Frames;
using TraceChain.Protocol.Scanning;

namespace ScannerAgent.Cameras;

/// <summary>
/// Reads the codes in one camera frame: PNG or JPEG file bytes, or a raw gray frame (<see cref="GrayFrameFormat"/>).
/// Sizes are checked against the reader's <see cref="ImagingLimits"/> before any pixel is decoded. Each code comes
/// back as a <see cref="ScannedCode"/> (content bytes + AIM symbology identifier), the same value a serial scanner
/// delivers, in reading order (top to bottom, left to right).
/// </summary>
public sealed class CameraFrameDecoder(BarcodeReader reader)
{
    /// <summary>The sizes accepted.</summary>
    public ImagingLimits Limits => reader.Limits;

    /// <summary>The codes in the frame, or a problem naming why the frame is unusable.</summary>
    public (IReadOnlyList<ScannedCode> Codes, string? Problem) Decode(ReadOnlySpan<byte> frame)
    {
        if (frame.IsEmpty)
        {
            return ([], "empty frame");
        }

        try
        {
            IReadOnlyList<DecodedCode> codes;
            if (IsPng(frame) || IsJpeg(frame))
            {
                codes = reader.Decode(frame);
            }
            else if (GrayFrameFormat.HasMagic(frame))
            {
                var image = GrayFrameFormat.TryDecode(frame, reader.Limits, out var problem);
                if (image is null)
                {
                    return ([], problem);
                }

                codes = reader.DecodeGray(image);
            }
            else
            {
                return ([], $"not a PNG, JPEG or TCG8 gray frame (starts with {Convert.ToHexString(frame[..Math.Min(8, frame.Length)])})");
            }

            return ([.. codes
                .OrderBy(c => Math.Round(c.Corners.Min(p => p.Y) / 32.0))
                .ThenBy(c => c.Corners.Min(p => p.X))
                .Select(c => new ScannedCode(c.RawBytes, c.SymbologyIdentifier))], null);
        }
        catch (ImagingException e)
        {
            return ([], $"{e.Kind}: {e.Message}");
        }
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];

    /// <summary>True for the 8-byte PNG signature.</summary>
    public static bool IsPng(ReadOnlySpan<byte> data) => data.StartsWith(PngSignature);

    /// <summary>True for a JPEG start-of-image marker.</summary>
    public static bool IsJpeg(ReadOnlySpan<byte> data) => data.StartsWith(JpegStart);

    /// <summary>
    /// True when an image file is whole: a PNG ends with its IEND chunk, a JPEG with the end-of-image marker
    /// (trailing zero padding allowed). A writer that does not rename into place may still be writing otherwise, and
    /// an empty file or a first few bytes that begin either signature are such a file too (a rewrite in place starts
    /// by truncating it).
    /// </summary>
    public static bool IsComplete(ReadOnlySpan<byte> data)
    {
        if (data.Length < PngSignature.Length && (PngSignature.StartsWith(data) || JpegStart.StartsWith(data)))
        {
            return false;
        }

        if (IsPng(data))
        {
            return data.EndsWith((ReadOnlySpan<byte>)[0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82]);
        }

        if (IsJpeg(data))
        {
            var trimmed = data.TrimEnd((byte)0);
            return trimmed.EndsWith((ReadOnlySpan<byte>)[0xFF, 0xD9]);
        }

        return true;
    }
}
