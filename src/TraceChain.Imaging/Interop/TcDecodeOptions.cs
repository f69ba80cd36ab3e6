using System.Runtime.InteropServices;

namespace TraceChain.Imaging.Interop;

[StructLayout(LayoutKind.Sequential)]
internal struct TcDecodeOptions
{
    public uint Formats;
    public int TryHarder;
    public int TryRotate;
    public int TryDownscale;
    public int MaxSymbols;
    public int ScanRegions;
    public int Reserved;

    public static TcDecodeOptions From(ReaderOptions options) => new()
    {
        Formats = (uint)options.Formats,
        TryHarder = options.TryHarder ? 1 : 0,
        TryRotate = options.TryRotate ? 1 : 0,
        TryDownscale = options.TryDownscale ? 1 : 0,
        MaxSymbols = options.MaxSymbols,
        ScanRegions = options.ScanRegions ? 1 : 0,
    };
}
