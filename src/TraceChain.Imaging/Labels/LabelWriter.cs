using System.Text;
using TraceChain.Imaging.Interop;

namespace TraceChain.Imaging.Labels;

/// <summary>
/// Renders <see cref="Label"/>s with zint 2.11 (through the native shim) as PNG, SVG or raw grayscale pixels,
/// with quiet zones and the human-readable text under the symbol. Thread-safe.
/// </summary>
public sealed class LabelWriter
{
    /// <summary>Creates a writer; null means <see cref="LabelOptions.Default"/>.</summary>
    public LabelWriter(LabelOptions? options = null)
    {
        Options = options ?? LabelOptions.Default;
        Options.Validate();
    }

    /// <summary>How labels are drawn.</summary>
    public LabelOptions Options { get; }

    /// <summary>An 8-bit grayscale PNG file.</summary>
    /// <exception cref="ImagingException">zint refused the data (the message says why).</exception>
    public byte[] WritePng(Label label) => Render(label, TcEncodeRequest.OutputPng, out _, out _);

    /// <summary>An SVG document (UTF-8 text).</summary>
    public string WriteSvg(Label label) => Encoding.UTF8.GetString(Render(label, TcEncodeRequest.OutputSvg, out _, out _));

    /// <summary>The label as grayscale pixels (0 black, 255 white), ready for <see cref="BarcodeReader.DecodeGray(GrayImage)"/>
    /// or the distortion tools without any PNG decoding.</summary>
    public GrayImage WriteGray(Label label)
    {
        var pixels = Render(label, TcEncodeRequest.OutputGray, out var width, out var height);
        return new GrayImage(width, height, pixels);
    }

    private unsafe byte[] Render(Label label, int output, out int width, out int height)
    {
        ArgumentNullException.ThrowIfNull(label);
        var data = Encoding.UTF8.GetBytes(label.EncoderInput);
        var hri = Options.ShowHumanReadable ? Encoding.UTF8.GetBytes(string.Join('\n', label.HumanReadableLines)) : [];
        var error = stackalloc byte[NativeMethods.ErrorCapacity];
        BufferHandle? buffer = null;
        try
        {
            int status;
            fixed (byte* dataPointer = data)
            fixed (byte* hriPointer = hri)
            {
                var request = new TcEncodeRequest
                {
                    Data = dataPointer,
                    DataLength = data.Length,
                    HriText = hri.Length == 0 ? null : hriPointer,
                    HriLength = hri.Length,
                    Symbology = label.Symbology == LabelSymbology.DataMatrix ? TcEncodeRequest.SymbolDataMatrix : TcEncodeRequest.SymbolQrCode,
                    Gs1 = label.IsGs1 ? 1 : 0,
                    ModulePixels = Options.ModulePixels,
                    QuietZoneModules = Options.QuietZoneModules,
                    Output = output,
                };
                status = NativeMethods.Encode(in request, out buffer, error, NativeMethods.ErrorCapacity);
            }

            if (status != NativeMethods.Ok)
            {
                throw NativeMethods.Failure(status, new ReadOnlySpan<byte>(error, NativeMethods.ErrorCapacity));
            }

            if (NativeMethods.BufferGet(buffer, out var bytes, out var length, out width, out height) != NativeMethods.Ok)
            {
                throw new ImagingException(ImagingErrorKind.Internal, "label buffer could not be read");
            }

            return new ReadOnlySpan<byte>(bytes, checked((int)length)).ToArray();
        }
        finally
        {
            buffer?.Dispose();
        }
    }
}
