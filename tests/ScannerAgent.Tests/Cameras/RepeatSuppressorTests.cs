using Microsoft.Extensions.Time.Testing;
using ScannerAgent.Cameras;

namespace ScannerAgent.Tests.Cameras;

public sealed class RepeatSuppressorTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void IsRepeat_SameCodeSameCameraWithinWindow_IsARepeat_AndTheWindowSlides()
    {
        var repeats = new RepeatSuppressor(TimeSpan.FromSeconds(2), time);

        Assert.False(repeats.IsRepeat("cam1", "A"));
        for (var i = 0; i < 10; i++)
        {
            // The pack stays in view for 15 s, seen every 1.5 s: one scan.
            time.Advance(TimeSpan.FromSeconds(1.5));
            Assert.True(repeats.IsRepeat("cam1", "A"));
        }
    }

    [Fact]
    public void IsRepeat_ShownAgainAfterTheWindow_IsANewScan()
    {
        var repeats = new RepeatSuppressor(TimeSpan.FromSeconds(2), time);
        Assert.False(repeats.IsRepeat("cam1", "A"));

        time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(repeats.IsRepeat("cam1", "A"));
    }

    [Fact]
    public void IsRepeat_OtherCameraOrOtherCode_IsNotARepeat()
    {
        var repeats = new RepeatSuppressor(TimeSpan.FromSeconds(2), time);
        Assert.False(repeats.IsRepeat("cam1", "A"));

        Assert.False(repeats.IsRepeat("cam2", "A"));
        Assert.False(repeats.IsRepeat("cam1", "B"));
    }

    [Fact]
    public void Forget_ASightingNotStored_IsNotSuppressedNextTime()
    {
        var repeats = new RepeatSuppressor(TimeSpan.FromSeconds(2), time);
        Assert.False(repeats.IsRepeat("cam1", "A"));

        repeats.Forget("cam1", "A");

        Assert.False(repeats.IsRepeat("cam1", "A"));
    }

    [Fact]
    public void IsRepeat_ZeroWindow_NeverSuppresses()
    {
        var repeats = new RepeatSuppressor(TimeSpan.Zero, time);

        Assert.False(repeats.IsRepeat("cam1", "A"));
        Assert.False(repeats.IsRepeat("cam1", "A"));
    }
}
