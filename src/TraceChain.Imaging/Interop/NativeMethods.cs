using System.Runtime.InteropServices;

namespace TraceChain.Imaging.Interop;

/// <summary>The flat C API of native/tracechain_imaging.h. Struct layouts mirror that header exactly.</summary>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "tracechain_imaging";
    internal const int ErrorCapacity = 512;

    internal const int Ok = 0;
    internal const int ErrArgument = 1;
    internal const int ErrLimit = 2;
    internal const int ErrImage = 3;
    internal const int ErrEncode = 4;
    internal const int ErrNoMemory = 5;
    internal const int ErrInternal = 6;

    [LibraryImport(Library, EntryPoint = "tc_version")]
    internal static partial nint Version();

    [LibraryImport(Library, EntryPoint = "tc_decode_image")]
    internal static partial int DecodeImage(byte* data, nuint length, in TcLimits limits, in TcDecodeOptions options,
        out ResultsHandle results, byte* error, int errorCapacity);

    [LibraryImport(Library, EntryPoint = "tc_decode_gray")]
    internal static partial int DecodeGray(byte* pixels, int width, int height, int stride, in TcLimits limits,
        in TcDecodeOptions options, out ResultsHandle results, byte* error, int errorCapacity);

    [LibraryImport(Library, EntryPoint = "tc_results_count")]
    internal static partial int ResultsCount(ResultsHandle results);

    [LibraryImport(Library, EntryPoint = "tc_results_get")]
    internal static partial int ResultsGet(ResultsHandle results, int index, out TcCode code);

    [LibraryImport(Library, EntryPoint = "tc_results_free")]
    internal static partial void ResultsFree(nint results);

    [LibraryImport(Library, EntryPoint = "tc_encode")]
    internal static partial int Encode(in TcEncodeRequest request, out BufferHandle buffer, byte* error, int errorCapacity);

    [LibraryImport(Library, EntryPoint = "tc_buffer_get")]
    internal static partial int BufferGet(BufferHandle buffer, out byte* data, out long length, out int width, out int height);

    [LibraryImport(Library, EntryPoint = "tc_buffer_free")]
    internal static partial void BufferFree(nint buffer);

    /// <summary>Turns a status code and the shim's message into the exception callers see.</summary>
    internal static ImagingException Failure(int status, ReadOnlySpan<byte> error)
    {
        var end = error.IndexOf((byte)0);
        var message = System.Text.Encoding.UTF8.GetString(end < 0 ? error : error[..end]);
        var kind = status switch
        {
            ErrArgument => ImagingErrorKind.InvalidArgument,
            ErrLimit => ImagingErrorKind.LimitExceeded,
            ErrImage => ImagingErrorKind.MalformedImage,
            ErrEncode => ImagingErrorKind.EncodingRefused,
            ErrNoMemory => ImagingErrorKind.OutOfMemory,
            _ => ImagingErrorKind.Internal,
        };
        return new ImagingException(kind, message.Length == 0 ? $"native imaging call failed with status {status}" : message);
    }
}
