using Microsoft.Extensions.Time.Testing;

namespace TraceChain.Serial.Tests;

public sealed class ReconnectBackoffTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Backoff_WaitsOnTheTimeProvider_NotTheWallClock()
    {
        // An hour-long backoff: the second attempt can only come from advancing the fake clock.
        var time = new FakeTimeProvider();
        var failures = new SemaphoreSlim(0);
        using var port = new TtySerialPort(
            new SerialPortOptions(Path.Combine(_dir.Path, "absent")) { ReconnectMinDelay = TimeSpan.FromHours(1), ReconnectMaxDelay = TimeSpan.FromHours(1) },
            time);
        port.ConnectFailed += (_, _) => failures.Release();
        port.Start();
        Assert.True(failures.Wait(TimeSpan.FromSeconds(10)), "first open attempt did not fail");

        // The reader registers its delay just after reporting the failure; advance until the retry shows up.
        var retried = false;
        for (var i = 0; i < 100 && !retried; i++)
        {
            time.Advance(TimeSpan.FromHours(1));
            retried = failures.Wait(TimeSpan.FromMilliseconds(100));
        }

        Assert.True(retried, "no second attempt after advancing the fake clock");
        Assert.Equal("ENOENT", port.LastError!.ErrnoName);
    }

    [Fact]
    public void ErrnoMessage_PermissionDenied_NamesDeviceAndSymbol()
    {
        var ex = SerialPortException.FromErrno("open", "/dev/ttyUSB0", 13);

        Assert.Equal("cannot open /dev/ttyUSB0: Permission denied (EACCES)", ex.Message);
        Assert.False(ex.DeviceGone);
        Assert.True(SerialPortException.FromErrno("read from", "/dev/ttyUSB0", 5).DeviceGone);
    }

    public void Dispose() => _dir.Dispose();
}
