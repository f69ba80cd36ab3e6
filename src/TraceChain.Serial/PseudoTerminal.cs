using System.Runtime.InteropServices;
using System.Text;
using TraceChain.Serial.Interop;

namespace TraceChain.Serial;

/// <summary>
/// A pseudo-terminal pair from openpty(): this object keeps the master (the "device" side a simulator drives);
/// a client opens <see cref="SlavePath"/> (or the symlink) with a <see cref="TtySerialPort"/>. The slave is set
/// raw and closed again, so <see cref="IsClientConnected"/> can tell from the master whether a client has the
/// port open (the master polls POLLHUP while nobody does) — the simulator's stand-in for a host raising DTR.
/// Bytes written before the client opens wait in the queue. Disposing closes the master, which the client sees
/// as a hang-up — an unplug. The symlink is replaced atomically so clients reopening it find the new pair.
/// </summary>
public sealed unsafe class PseudoTerminal : IDisposable
{
    private int _master;

    private PseudoTerminal(int master, string slavePath, string? linkPath)
    {
        _master = master;
        SlavePath = slavePath;
        LinkPath = linkPath;
    }

    /// <summary>The slave device, e.g. /dev/pts/7.</summary>
    public string SlavePath { get; }

    /// <summary>The symlink pointing at <see cref="SlavePath"/>, if one was made.</summary>
    public string? LinkPath { get; }

    /// <summary>Opens a raw pty pair and, when <paramref name="linkPath"/> is given, points that symlink at the slave.</summary>
    public static PseudoTerminal Open(string? linkPath = null)
    {
        int master, slave;
        if (Libc.OpenPty(&master, &slave, null, null, null) != 0)
        {
            throw SerialPortException.FromErrno("open", "a pseudo-terminal", Marshal.GetLastPInvokeError());
        }

        try
        {
            SetRaw(slave);
            var name = stackalloc byte[256];
            var rc = Libc.TtyNameR(slave, name, 256);
            if (rc != 0)
            {
                throw SerialPortException.FromErrno("name", "the pseudo-terminal slave", rc);
            }

            var slavePath = Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name));
            if (linkPath is not null)
            {
                // Rename over the old link so a reconnecting client never sees a missing or half-made link.
                var temp = linkPath + ".tmp" + Environment.ProcessId;
                File.Delete(temp);
                File.CreateSymbolicLink(temp, slavePath);
                File.Move(temp, linkPath, overwrite: true);
            }

            Libc.Close(slave);
            return new PseudoTerminal(master, slavePath, linkPath);
        }
        catch
        {
            Libc.Close(master);
            Libc.Close(slave);
            throw;
        }
    }

    /// <summary>True while some client has the slave open.</summary>
    public bool IsClientConnected
    {
        get
        {
            var fd = Volatile.Read(ref _master);
            ObjectDisposedException.ThrowIf(fd < 0, this);
            var pfd = new PollFd { Fd = fd, Events = Libc.PollIn };
            return Libc.Poll(&pfd, 1, 0) >= 0 && (pfd.ReturnedEvents & Libc.PollHup) == 0;
        }
    }

    /// <summary>
    /// Bytes written to the master that the client has not read yet (FIONREAD on the slave). Lets a simulator
    /// wait until the host drained its lines before an unplug, since line mode has no acknowledgement. Bytes
    /// written a moment ago may still sit in the kernel's flip buffer and not be counted yet.
    /// </summary>
    public int PendingForClient
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _master) < 0, this);
            var fd = Libc.Open(SlavePath, Libc.ORdWr | Libc.ONoCtty | Libc.ONonBlock | Libc.OCloExec);
            if (fd < 0)
            {
                throw SerialPortException.FromErrno("open", SlavePath, Marshal.GetLastPInvokeError());
            }

            try
            {
                int count;
                return Libc.Ioctl(fd, Libc.FionRead, &count) == 0 ? count : throw SerialPortException.FromErrno("query", SlavePath, Marshal.GetLastPInvokeError());
            }
            finally
            {
                Libc.Close(fd);
            }
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for bytes the client wrote; returns 0 when none came. Returns at once
    /// with 0 while no client is connected (check <see cref="IsClientConnected"/>).
    /// </summary>
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        var fd = Volatile.Read(ref _master);
        ObjectDisposedException.ThrowIf(fd < 0, this);
        var pfd = new PollFd { Fd = fd, Events = Libc.PollIn };
        var ready = Libc.Poll(&pfd, 1, (int)timeout.TotalMilliseconds);
        if (ready <= 0 || (pfd.ReturnedEvents & Libc.PollIn) == 0)
        {
            return 0;
        }

        fixed (byte* p = buffer)
        {
            var n = Libc.Read(fd, p, buffer.Length);
            if (n < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                // EIO: the client closed the slave meanwhile.
                return errno is Libc.EIntr or Libc.EAgain or Errno.EIo ? 0 : throw SerialPortException.FromErrno("read from", "pty master of " + SlavePath, errno);
            }

            return (int)n;
        }
    }

    /// <summary>Writes bytes for the client to read.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        var fd = Volatile.Read(ref _master);
        ObjectDisposedException.ThrowIf(fd < 0, this);
        fixed (byte* p = data)
        {
            var done = 0;
            while (done < data.Length)
            {
                var n = Libc.Write(fd, p + done, data.Length - done);
                if (n > 0)
                {
                    done += (int)n;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (n < 0 && errno != Libc.EIntr && errno != Libc.EAgain)
                {
                    throw SerialPortException.FromErrno("write to", "pty master of " + SlavePath, errno);
                }
            }
        }
    }

    /// <summary>Closes the master (the client sees a hang-up) and removes the symlink if it still points here.</summary>
    public void Dispose()
    {
        var master = Interlocked.Exchange(ref _master, -1);
        if (master < 0)
        {
            return;
        }

        Libc.Close(master);
        if (LinkPath is not null && new FileInfo(LinkPath).LinkTarget == SlavePath)
        {
            File.Delete(LinkPath);
        }
    }

    private static void SetRaw(int fd)
    {
        Termios t;
        if (Libc.TcGetAttr(fd, &t) != 0)
        {
            throw SerialPortException.FromErrno("configure", "the pseudo-terminal slave", Marshal.GetLastPInvokeError());
        }

        Libc.CfMakeRaw(&t);
        if (Libc.TcSetAttr(fd, Libc.TcsaNow, &t) != 0)
        {
            throw SerialPortException.FromErrno("configure", "the pseudo-terminal slave", Marshal.GetLastPInvokeError());
        }
    }
}
