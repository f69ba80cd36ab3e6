using System.Runtime.InteropServices;
using TraceChain.Serial.Interop;

namespace TraceChain.Serial;

/// <summary>An open tty file descriptor configured raw 8N1 with VMIN=0/VTIME reads. Not thread-safe for close.</summary>
internal sealed unsafe class TtyHandle : IDisposable
{
    private int _fd;

    private TtyHandle(int fd, string device)
    {
        _fd = fd;
        Device = device;
    }

    public string Device { get; }

    /// <summary>Opens and configures the device, or throws a <see cref="SerialPortException"/> naming it and the errno.</summary>
    public static TtyHandle Open(SerialPortOptions options)
    {
        // O_NONBLOCK so that open() does not wait for carrier detect on a modem line; cleared once CLOCAL is set.
        var fd = Libc.Open(options.Device, Libc.ORdWr | Libc.ONoCtty | Libc.ONonBlock | Libc.OCloExec);
        if (fd < 0)
        {
            throw SerialPortException.FromErrno("open", options.Device, Marshal.GetLastPInvokeError());
        }

        var handle = new TtyHandle(fd, options.Device);
        try
        {
            handle.Configure(options);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads what has arrived, waiting at most VTIME for the first byte; 0 means nothing arrived or hang-up.</summary>
    public int Read(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                var n = Libc.Read(_fd, p, buffer.Length);
                if (n >= 0)
                {
                    return (int)n;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == Libc.EAgain)
                {
                    return 0;
                }

                if (errno != Libc.EIntr)
                {
                    throw SerialPortException.FromErrno("read from", Device, errno);
                }
            }
        }
    }

    /// <summary>Writes every byte (looping over short writes).</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            var done = 0;
            while (done < data.Length)
            {
                var n = Libc.Write(_fd, p + done, data.Length - done);
                if (n > 0)
                {
                    done += (int)n;
                    continue;
                }

                var errno = n < 0 ? Marshal.GetLastPInvokeError() : Libc.EAgain;
                if (errno == Libc.EAgain)
                {
                    WaitWritable();
                }
                else if (errno != Libc.EIntr)
                {
                    throw SerialPortException.FromErrno("write to", Device, errno);
                }
            }
        }
    }

    /// <summary>True when the tty reports hang-up or error: a 0-byte read then means the device went away.</summary>
    public bool IsHungUp()
    {
        var pfd = new PollFd { Fd = _fd, Events = Libc.PollIn };
        var r = Libc.Poll(&pfd, 1, 0);
        return r > 0 && (pfd.ReturnedEvents & (Libc.PollHup | Libc.PollErr | Libc.PollNval)) != 0;
    }

    /// <summary>Drops bytes received but not read.</summary>
    public void DiscardInput()
    {
        if (Libc.TcFlush(_fd, Libc.TcIFlush) != 0)
        {
            throw SerialPortException.FromErrno("flush", Device, Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>The applied termios as (baud, raw 8N1?, VMIN, VTIME), for checks.</summary>
    public (int Baud, bool Raw8N1, byte VMin, byte VTime) ReadSettings()
    {
        Termios t;
        if (Libc.TcGetAttr(_fd, &t) != 0)
        {
            throw SerialPortException.FromErrno("configure", Device, Marshal.GetLastPInvokeError());
        }

        var raw = (t.CFlag & Libc.CSize) == Libc.Cs8 && (t.CFlag & (Libc.ParEnb | Libc.CStopB | Libc.CrtsCts)) == 0 && (t.LFlag & Libc.CanonicalEchoSignals) == 0 && (t.OFlag & Libc.OPost) == 0;
        return (BaudRates.FromSpeed(Libc.CfGetOSpeed(&t)), raw, t.ControlChars[Libc.VMin], t.ControlChars[Libc.VTime]);
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            Libc.Close(fd);
        }
    }

    private void Configure(SerialPortOptions options)
    {
        Termios t;
        if (Libc.TcGetAttr(_fd, &t) != 0)
        {
            throw SerialPortException.FromErrno("configure", Device, Marshal.GetLastPInvokeError());
        }

        Libc.CfMakeRaw(&t);
        t.CFlag &= ~(Libc.CSize | Libc.ParEnb | Libc.CStopB | Libc.CrtsCts);
        t.CFlag |= Libc.Cs8 | Libc.CRead | Libc.CLocal;

        // VMIN=0, VTIME>0: read() returns as soon as bytes arrive, or with 0 after VTIME, so the reader thread
        // can look at its stop flag; a plain blocking read would ignore cancellation.
        t.ControlChars[Libc.VMin] = 0;
        t.ControlChars[Libc.VTime] = (byte)Math.Clamp((int)Math.Round(options.ReadTimeout.TotalMilliseconds / 100), 1, 2);

        var speed = BaudRates.ToSpeed(options.BaudRate);
        if (Libc.CfSetISpeed(&t, speed) != 0 || Libc.CfSetOSpeed(&t, speed) != 0 || Libc.TcSetAttr(_fd, Libc.TcsaNow, &t) != 0)
        {
            throw SerialPortException.FromErrno("configure", Device, Marshal.GetLastPInvokeError());
        }

        // No input flush here: on a pty the peer may already have queued its first bytes, and a USB-CDC
        // device starts with an empty queue anyway. Callers that want a clean start call DiscardInput.
        var flags = Libc.Fcntl(_fd, Libc.FGetFl, 0);
        if (flags < 0 || Libc.Fcntl(_fd, Libc.FSetFl, flags & ~Libc.ONonBlock) < 0)
        {
            throw SerialPortException.FromErrno("configure", Device, Marshal.GetLastPInvokeError());
        }
    }

    private void WaitWritable()
    {
        var pfd = new PollFd { Fd = _fd, Events = Libc.PollOut };
        Libc.Poll(&pfd, 1, 100);
    }
}
