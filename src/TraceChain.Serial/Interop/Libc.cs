using System.Runtime.InteropServices;

namespace TraceChain.Serial.Interop;

/// <summary>The libc calls the serial layer needs, with Linux x86_64 constants.</summary>
internal static unsafe partial class Libc
{
    public const int ORdWr = 0x2;
    public const int ONoCtty = 0x100;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;
    public const int FGetFl = 3;
    public const int FSetFl = 4;
    public const int TcsaNow = 0;
    public const int TcIFlush = 0;

    public const uint CSize = 0x30;
    public const uint Cs8 = 0x30;
    public const uint CStopB = 0x40;
    public const uint CRead = 0x80;
    public const uint ParEnb = 0x100;
    public const uint CLocal = 0x800;
    public const uint CrtsCts = 0x80000000;
    public const uint OPost = 0x1;

    /// <summary>ISIG | ICANON | ECHO | IEXTEN: the local modes cfmakeraw clears.</summary>
    public const uint CanonicalEchoSignals = 0x1 | 0x2 | 0x8 | 0x8000;
    public const int VTime = 5;
    public const int VMin = 6;

    public const short PollIn = 0x1;
    public const short PollOut = 0x4;
    public const short PollErr = 0x8;
    public const short PollHup = 0x10;
    public const short PollNval = 0x20;

    public const int EIntr = 4;
    public const int EAgain = 11;

    private const string Lib = "libc";

    [LibraryImport(Lib, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport(Lib, EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, Termios* termios);

    [LibraryImport(Lib, EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int optionalActions, Termios* termios);

    [LibraryImport(Lib, EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(Termios* termios);

    [LibraryImport(Lib, EntryPoint = "cfsetispeed", SetLastError = true)]
    public static partial int CfSetISpeed(Termios* termios, uint speed);

    [LibraryImport(Lib, EntryPoint = "cfsetospeed", SetLastError = true)]
    public static partial int CfSetOSpeed(Termios* termios, uint speed);

    [LibraryImport(Lib, EntryPoint = "cfgetospeed")]
    public static partial uint CfGetOSpeed(Termios* termios);

    [LibraryImport(Lib, EntryPoint = "tcflush", SetLastError = true)]
    public static partial int TcFlush(int fd, int queueSelector);

    [LibraryImport(Lib, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    /// <summary>FIONREAD: bytes waiting to be read.</summary>
    public const ulong FionRead = 0x541B;

    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, ulong request, int* argument);

    [LibraryImport(Lib, EntryPoint = "openpty", SetLastError = true)]
    public static partial int OpenPty(int* master, int* slave, byte* name, Termios* termios, void* windowSize);

    [LibraryImport(Lib, EntryPoint = "ttyname_r")]
    public static partial int TtyNameR(int fd, byte* buffer, nuint length);
}
