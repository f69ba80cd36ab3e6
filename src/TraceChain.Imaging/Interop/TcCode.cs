using System.Runtime.InteropServices;

namespace TraceChain.Imaging.Interop;

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TcCode
{
    public byte* Bytes;
    public byte* Text;
    public int BytesLength;
    public int TextLength;
    public uint Format;
    public fixed int Corners[8];
    public fixed byte SymbologyIdentifier[8];
}
