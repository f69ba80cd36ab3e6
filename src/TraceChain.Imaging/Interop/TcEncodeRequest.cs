using System.Runtime.InteropServices;

namespace TraceChain.Imaging.Interop;

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TcEncodeRequest
{
    public byte* Data;
    public byte* HriText;
    public int DataLength;
    public int HriLength;
    public int Symbology;
    public int Gs1;
    public int ModulePixels;
    public int QuietZoneModules;
    public int Output;
    public int Reserved;

    public const int SymbolDataMatrix = 1;
    public const int SymbolQrCode = 2;
    public const int OutputGray = 0;
    public const int OutputPng = 1;
    public const int OutputSvg = 2;
}
