using System.Runtime.InteropServices;
using System.Text;
using TraceChain.Imaging.Interop;

namespace TraceChain.Imaging;

/// <summary>
/// Reads barcodes from PNG/JPEG files and from raw 8-bit grayscale frames with zxing-cpp 1.4 (through the
/// native shim). Thread-safe: it holds no mutable state.
/// </summary>
public sealed class BarcodeReader
{
    private readonly TcLimits limits;
    private readonly TcDecodeOptions options;

    /// <summary>Creates a reader; null means <see cref="ReaderOptions.Default"/> and <see cref="ImagingLimits.Default"/>.</summary>
    public BarcodeReader(ReaderOptions? options = null, ImagingLimits? limits = null)
    {
        Options = options ?? ReaderOptions.Default;
        Limits = limits ?? ImagingLimits.Default;
        Options.Validate();
        Limits.Validate();
        this.options = TcDecodeOptions.From(Options);
        this.limits = TcLimits.From(Limits);
    }

    /// <summary>Versions of the native libraries, e.g. "zxing-cpp 1.4.0; zint 21101".</summary>
    public static string NativeVersion => Marshal.PtrToStringUTF8(NativeMethods.Version()) ?? string.Empty;

    /// <summary>How hard this reader looks.</summary>
    public ReaderOptions Options { get; }

    /// <summary>The sizes this reader accepts.</summary>
    public ImagingLimits Limits { get; }

    /// <summary>Decodes a PNG or JPEG file's bytes and returns every code found (empty when none).</summary>
    /// <exception cref="ImagingException">Not a PNG/JPEG, malformed, truncated, or over <see cref="Limits"/>.</exception>
    public unsafe IReadOnlyList<DecodedCode> Decode(ReadOnlySpan<byte> encodedImage)
    {
        var error = stackalloc byte[NativeMethods.ErrorCapacity];
        ResultsHandle? results = null;
        try
        {
            int status;
            fixed (byte* data = encodedImage)
            {
                status = NativeMethods.DecodeImage(data, (nuint)encodedImage.Length, in limits, in options, out results, error, NativeMethods.ErrorCapacity);
            }

            return status == NativeMethods.Ok
                ? Read(results)
                : throw NativeMethods.Failure(status, new ReadOnlySpan<byte>(error, NativeMethods.ErrorCapacity));
        }
        finally
        {
            results?.Dispose();
        }
    }

    /// <summary>Decodes a grayscale frame whose rows are packed (stride = width).</summary>
    public IReadOnlyList<DecodedCode> DecodeGray(ReadOnlySpan<byte> pixels, int width, int height) =>
        DecodeGray(pixels, width, height, width);

    /// <summary>Decodes a grayscale image.</summary>
    public IReadOnlyList<DecodedCode> DecodeGray(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return DecodeGray(image.Pixels, image.Width, image.Height, image.Width);
    }

    /// <summary>Decodes a grayscale frame, one byte per pixel, rows <paramref name="stride"/> bytes apart.</summary>
    /// <exception cref="ArgumentException">The buffer is smaller than the dimensions say.</exception>
    /// <exception cref="ImagingException">The frame is over <see cref="Limits"/>.</exception>
    public unsafe IReadOnlyList<DecodedCode> DecodeGray(ReadOnlySpan<byte> pixels, int width, int height, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width);
        var needed = ((long)stride * (height - 1)) + width;
        if (pixels.Length < needed)
        {
            throw new ArgumentException($"a {width}x{height} frame with stride {stride} needs {needed} bytes, got {pixels.Length}", nameof(pixels));
        }

        var error = stackalloc byte[NativeMethods.ErrorCapacity];
        ResultsHandle? results = null;
        try
        {
            int status;
            fixed (byte* data = pixels)
            {
                status = NativeMethods.DecodeGray(data, width, height, stride, in limits, in options, out results, error, NativeMethods.ErrorCapacity);
            }

            return status == NativeMethods.Ok
                ? Read(results)
                : throw NativeMethods.Failure(status, new ReadOnlySpan<byte>(error, NativeMethods.ErrorCapacity));
        }
        finally
        {
            results?.Dispose();
        }
    }

    private static unsafe List<DecodedCode> Read(ResultsHandle results)
    {
        var count = NativeMethods.ResultsCount(results);
        var codes = new List<DecodedCode>(count);
        for (var i = 0; i < count; i++)
        {
            if (NativeMethods.ResultsGet(results, i, out var code) != NativeMethods.Ok)
            {
                throw new ImagingException(ImagingErrorKind.Internal, $"result {i} of {count} could not be read");
            }

            var bytes = new ReadOnlySpan<byte>(code.Bytes, code.BytesLength).ToArray();
            var text = Encoding.UTF8.GetString(code.Text, code.TextLength);
            var identifier = Marshal.PtrToStringUTF8((nint)code.SymbologyIdentifier) ?? string.Empty;
            var corners = new PixelPoint[4];
            for (var c = 0; c < 4; c++)
            {
                corners[c] = new PixelPoint(code.Corners[2 * c], code.Corners[(2 * c) + 1]);
            }

            codes.Add(new DecodedCode((BarcodeFormats)code.Format, identifier, text, bytes, corners));
        }

        return codes;
    }
}
