using System.Runtime.InteropServices;

namespace TraceChain.Imaging.Interop;

[StructLayout(LayoutKind.Sequential)]
internal struct TcLimits
{
    public long MaxEncodedBytes;
    public long MaxPixels;
    public int MaxWidth;
    public int MaxHeight;

    public static TcLimits From(ImagingLimits limits) => new()
    {
        MaxEncodedBytes = limits.MaxEncodedBytes,
        MaxPixels = limits.MaxPixels,
        MaxWidth = limits.MaxWidth,
        MaxHeight = limits.MaxHeight,
    };
}
