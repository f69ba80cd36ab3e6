using System.Runtime.InteropServices;

namespace TraceChain.Serial.Interop;

/// <summary>glibc's struct termios on Linux x86_64 (60 bytes; NCCS = 32).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Termios
{
    public uint IFlag;
    public uint OFlag;
    public uint CFlag;
    public uint LFlag;
    public byte Line;
    public fixed byte ControlChars[32];
    public uint ISpeed;
    public uint OSpeed;
}
