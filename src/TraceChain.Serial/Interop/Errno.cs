namespace TraceChain.Serial.Interop;

/// <summary>Symbolic names of the errno values a serial port meets (Linux numbering).</summary>
internal static class Errno
{
    public const int ENoEnt = 2;
    public const int EIo = 5;
    public const int ENxIo = 6;
    public const int EBadF = 9;
    public const int ENoDev = 19;

    public static string Name(int errno) => errno switch
    {
        1 => "EPERM",
        2 => "ENOENT",
        4 => "EINTR",
        5 => "EIO",
        6 => "ENXIO",
        9 => "EBADF",
        11 => "EAGAIN",
        13 => "EACCES",
        16 => "EBUSY",
        19 => "ENODEV",
        20 => "ENOTDIR",
        21 => "EISDIR",
        22 => "EINVAL",
        24 => "EMFILE",
        25 => "ENOTTY",
        _ => "errno " + errno,
    };
}
