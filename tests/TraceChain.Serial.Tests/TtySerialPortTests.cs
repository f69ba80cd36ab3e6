using System.Diagnostics;

namespace TraceChain.Serial.Tests;

public sealed class TtySerialPortTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData(9600)]
    [InlineData(115200)]
    public void Write_OnOneEnd_ArrivesOnTheOtherWithSettingsApplied(int baud)
    {
        using var pair = new SocatPair(_dir.Path, "p" + baud);
        using var a = new TtySerialPort(new SerialPortOptions(pair.A, baud));
        using var b = new TtySerialPort(new SerialPortOptions(pair.B, baud));
        var probeB = new PortProbe(b);
        var probeA = new PortProbe(a);
        a.Open();
        b.Open();
        var payload = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();

        a.Write(payload);
        b.Write("ok\r"u8);

        probeB.WaitForBytes(payload.Length);
        probeA.WaitForBytes(3);
        Assert.Equal(payload, probeB.Bytes);
        Assert.Equal("ok\r"u8.ToArray(), probeA.Bytes);
        var settings = a.ReadAppliedSettings();
        Assert.Equal((baud, true, (byte)0, (byte)1), settings);
    }

    [Fact]
    public void Dispose_WithReaderBlockedInRead_StopsWithinHalfASecond()
    {
        using var pair = new SocatPair(_dir.Path, "stop");
        var port = new TtySerialPort(new SerialPortOptions(pair.A) { ReadTimeout = TimeSpan.FromMilliseconds(200) });
        var probe = new PortProbe(port);
        port.Open();

        var watch = Stopwatch.StartNew();
        port.Dispose();

        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500), $"dispose took {watch.ElapsedMilliseconds} ms");
        Assert.False(port.IsConnected);
        Assert.Equal(1, probe.Count("disconnected"));
    }

    [Fact]
    public void Reconnect_AfterSocatKilledAndRestarted_ReceivesAgain()
    {
        using var pair = new SocatPair(_dir.Path, "re");
        using var port = new TtySerialPort(new SerialPortOptions(pair.A) { ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) });
        var probe = new PortProbe(port);
        port.Start();
        probe.WaitForEvent("connected");

        pair.Unplug();
        probe.WaitForEvent("disconnected");
        Assert.False(port.IsConnected);
        Assert.Throws<SerialPortException>(() => port.Write("x"u8));
        Assert.True(port.LastError!.DeviceGone, port.LastError.Message);

        pair.Start();
        probe.WaitForEvent("connected", 2);
        using var peer = new TtySerialPort(new SerialPortOptions(pair.B));
        peer.Open();
        peer.Write("back\r"u8);

        probe.WaitForBytes(5);
        Assert.Equal("back\r"u8.ToArray(), probe.Bytes);
    }

    [Fact]
    public void Start_DeviceAbsent_RetriesUntilItAppears()
    {
        var link = Path.Combine(_dir.Path, "late.a");
        using var port = new TtySerialPort(new SerialPortOptions(link) { ReconnectMaxDelay = TimeSpan.FromMilliseconds(100) });
        var probe = new PortProbe(port);
        port.Start();
        probe.WaitForEvent("connect-failed");
        Assert.Equal("ENOENT", port.LastError!.ErrnoName);

        using var pair = new SocatPair(_dir.Path, "late");

        probe.WaitForEvent("connected");
        Assert.True(port.IsConnected);
    }

    [Fact]
    public void SeveralPorts_AtOnce_EachGetsItsOwnBytes()
    {
        var pairs = Enumerable.Range(0, 3).Select(i => new SocatPair(_dir.Path, "m" + i)).ToList();
        var readers = pairs.Select(p => new TtySerialPort(new SerialPortOptions(p.B, 57600))).ToList();
        var writers = pairs.Select(p => new TtySerialPort(new SerialPortOptions(p.A, 57600))).ToList();
        try
        {
            var probes = readers.Select(r => new PortProbe(r)).ToList();
            readers.ForEach(r => r.Open());
            writers.ForEach(w => w.Open());

            Parallel.For(0, 3, i => writers[i].Write(System.Text.Encoding.ASCII.GetBytes($"port{i}:" + new string((char)('a' + i), 500))));

            for (var i = 0; i < 3; i++)
            {
                probes[i].WaitForBytes(506);
                Assert.Equal($"port{i}:" + new string((char)('a' + i), 500), System.Text.Encoding.ASCII.GetString(probes[i].Bytes));
            }
        }
        finally
        {
            readers.Concat(writers).ToList().ForEach(p => p.Dispose());
            pairs.ForEach(p => p.Dispose());
        }
    }

    [Fact]
    public void Open_MissingDevice_ThrowsNamingDeviceAndErrno()
    {
        var device = Path.Combine(_dir.Path, "ttyUSB0");
        using var port = new TtySerialPort(new SerialPortOptions(device));

        var ex = Assert.Throws<SerialPortException>(port.Open);

        Assert.Equal($"cannot open {device}: No such file or directory (ENOENT)", ex.Message);
        Assert.Equal(device, ex.Device);
    }

    [Fact]
    public void Open_RegularFile_ThrowsNotATty()
    {
        var file = Path.Combine(_dir.Path, "plain");
        File.WriteAllText(file, "x");
        using var port = new TtySerialPort(new SerialPortOptions(file));

        var ex = Assert.Throws<SerialPortException>(port.Open);

        Assert.StartsWith($"cannot configure {file}: ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("(ENOTTY)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_UnsupportedBaud_IsRejectedWithTheList()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TtySerialPort(new SerialPortOptions("/dev/ttyS0", 14400)));

        Assert.Contains("14400", ex.Message, StringComparison.Ordinal);
        Assert.Contains("115200", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
