using System.Runtime.InteropServices;
using TraceChain.Serial.Interop;

namespace TraceChain.Serial;

/// <summary>A serial-port system call failed; the message names the device and the errno.</summary>
public sealed class SerialPortException : IOException
{
    /// <summary>Creates an exception with a message.</summary>
    public SerialPortException()
        : base("serial port error")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public SerialPortException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public SerialPortException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private SerialPortException(string message, string device, int errno)
        : base(message)
    {
        Device = device;
        Errno = errno;
    }

    /// <summary>The device path, e.g. /dev/ttyUSB0.</summary>
    public string? Device { get; }

    /// <summary>The errno value, or 0 when no system call failed.</summary>
    public int Errno { get; }

    /// <summary>The symbolic errno name such as "EACCES", or null.</summary>
    public string? ErrnoName => Errno == 0 ? null : Interop.Errno.Name(Errno);

    /// <summary>True when the error means the device is gone (unplugged) rather than misused.</summary>
    public bool DeviceGone => Errno is Interop.Errno.ENoEnt or Interop.Errno.EIo or Interop.Errno.ENxIo or Interop.Errno.ENoDev;

    /// <summary>Builds "cannot {action} {device}: {strerror} ({ENAME})".</summary>
    internal static SerialPortException FromErrno(string action, string device, int errno) =>
        new($"cannot {action} {device}: {Marshal.GetPInvokeErrorMessage(errno)} ({Interop.Errno.Name(errno)})", device, errno);

    /// <summary>The device hung up (e.g. unplugged, or the pty master closed).</summary>
    internal static SerialPortException HungUp(string device) =>
        new($"{device} hung up (device unplugged or the other end closed)", device, Interop.Errno.EIo);
}
