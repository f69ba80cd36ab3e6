namespace TraceChain.Serial.Tests;

public sealed class PseudoTerminalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Pair_BytesFlowBothWaysThroughTheLink()
    {
        var link = Path.Combine(_dir.Path, "scanner1");
        using var pty = PseudoTerminal.Open(link);
        using var port = new TtySerialPort(new SerialPortOptions(link, 115200));
        var probe = new PortProbe(port);
        Assert.False(pty.IsClientConnected);
        pty.Write("]d2ABC\r"u8);
        // The kernel moves written bytes to the slave's queue asynchronously, so wait for the count to show.
        Assert.True(SpinWait.SpinUntil(() => pty.PendingForClient == 7, TimeSpan.FromSeconds(5)), "7 bytes never queued for the client");

        port.Open();
        Assert.True(pty.IsClientConnected);
        port.Write("ack"u8);

        probe.WaitForBytes(7);
        Assert.Equal("]d2ABC\r"u8.ToArray(), probe.Bytes);
        Assert.Equal(0, pty.PendingForClient);
        var buffer = new byte[16];
        var n = 0;
        while (n < 3)
        {
            var got = pty.Read(buffer.AsSpan(n), TimeSpan.FromSeconds(5));
            Assert.True(got > 0, "no bytes from the client within 5 s");
            n += got;
        }

        Assert.Equal("ack"u8.ToArray(), buffer[..3]);
        Assert.StartsWith("/dev/pts/", pty.SlavePath, StringComparison.Ordinal);
        port.Dispose();
        Assert.False(pty.IsClientConnected);
    }

    [Fact]
    public void Dispose_ClientSeesHangUpAndReconnectsToTheNewPair()
    {
        var link = Path.Combine(_dir.Path, "scanner2");
        var pty = PseudoTerminal.Open(link);
        using var port = new TtySerialPort(new SerialPortOptions(link) { ReconnectMaxDelay = TimeSpan.FromMilliseconds(100) });
        var probe = new PortProbe(port);
        port.Start();
        probe.WaitForEvent("connected");

        pty.Dispose();
        probe.WaitForEvent("disconnected");
        Assert.False(File.Exists(link));

        using var replugged = PseudoTerminal.Open(link);
        probe.WaitForEvent("connected", 2);
        replugged.Write("again\n"u8);
        probe.WaitForBytes(6);
        Assert.Equal("again\n"u8.ToArray(), probe.Bytes);
    }

    [Fact]
    public void ThrowingDataHandler_IsReportedAndReadingGoesOn()
    {
        var link = Path.Combine(_dir.Path, "scanner3");
        using var pty = PseudoTerminal.Open(link);
        using var port = new TtySerialPort(new SerialPortOptions(link));
        var probe = new PortProbe(port);
        var failures = new List<Exception>();
        var thrown = false;
        port.DataReceived += (_, _) =>
        {
            if (!thrown)
            {
                thrown = true;
                throw new InvalidOperationException("handler bug");
            }
        };
        port.HandlerFailed += (_, e) =>
        {
            lock (failures)
            {
                failures.Add(e.Error!);
            }
        };
        port.Open();

        pty.Write("one\r"u8);
        probe.WaitForBytes(4);
        pty.Write("two\r"u8);
        probe.WaitForBytes(8);

        Assert.Equal("one\rtwo\r"u8.ToArray(), probe.Bytes);
        lock (failures)
        {
            Assert.Equal("handler bug", Assert.Single(failures).Message);
        }
    }

    public void Dispose() => _dir.Dispose();
}
