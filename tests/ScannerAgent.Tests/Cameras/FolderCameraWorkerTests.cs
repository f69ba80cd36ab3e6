using System.Security.Cryptography;
using FirmwareSim.Camera;
using ScannerAgent.Agent;
using ScannerAgent.Cameras;
using ScannerAgent.Configuration;
using ScannerAgent.Outbox;
using ScannerAgent.Tests.Support;
using TraceChain.Imaging.Frames;
using TraceChain.Protocol.Gs1;

namespace ScannerAgent.Tests.Cameras;

public sealed class FolderCameraWorkerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("agent-folder-").FullName;
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly OutboxStore outbox;
    private readonly LogCapture log = new();

    public FolderCameraWorkerTests() => outbox = OutboxStore.Open(Path.Combine(directory, "outbox.db"));

    [Theory]
    [InlineData("frame-0001.png", true)]
    [InlineData("PHOTO.JPG", true)]
    [InlineData("photo.jpeg", true)]
    [InlineData(".frame-0001.png", false)]
    [InlineData("frame-0001.png.tmp", false)]
    [InlineData("frame-0001.part", false)]
    [InlineData("notes.txt", false)]
    public void IsCandidate_OnlyWholeImageNames(string name, bool expected) =>
        Assert.Equal(expected, FolderCameraWorker.IsCandidate(name));

    [Fact]
    public async Task FileOverTheByteLimit_RejectedBeforeItIsRead_TheWorkerGoesOn()
    {
        var folder = Path.Combine(directory, "inbox");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "huge.png"), new byte[10_000]);
        var identity = new AgentIdentity("cam-dev", key, TestCodes.Gln(1), TimeProvider.System, TimeZoneInfo.Utc, new Gs1ParseOptions());
        using var worker = new FolderCameraWorker(
            new CameraScannerSettings { Name = "cam", Folder = folder, MaxFrameBytes = 4096 }, new HopRecorder(identity, outbox), new AgentLog(log, TimeProvider.System), TimeProvider.System);
        using var stop = new CancellationTokenSource();

        var running = worker.RunAsync(stop.Token);
        await Wait.UntilAsync(() => worker.IsReady, TimeSpan.FromSeconds(10), () => "first pass\n" + log);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, worker.Rejected);
        Assert.Contains("huge.png: file is 10000 bytes, over the limit of 4096 bytes", await File.ReadAllTextAsync(Path.Combine(worker.RejectedFolder, "huge.png.reason.txt")), StringComparison.Ordinal);
        Assert.True(log.Has("watching"), log.ToString());
    }

    [Fact]
    public async Task StoppedAfterTheCommitBeforeTheMove_FileProcessedAgainAfterRestart_NoSecondHop()
    {
        var folder = Path.Combine(directory, "inbox");
        Directory.CreateDirectory(folder);
        var tray = new CameraSimulationOptions(new[] { "T1", "T2" }.Select(s => $"(01){TestCodes.Gtin}(17)271231(10)LOT42(21){s}").ToList()) { Repeat = 1, Tray = 2, Distortion = CameraDistortion.Mild, Seed = 12 };
        var file = Path.Combine(folder, "tray.png");
        await File.WriteAllBytesAsync(file, GrayPngEncoder.Encode(new CameraFrameRenderer(tray).Render(0).Image));
        var settings = new CameraScannerSettings { Name = "cam", Folder = folder, Workflow = "receive" };

        using (var stop = new CancellationTokenSource())
        using (var first = NewWorker(settings))
        {
            first.AfterRecord = async (_, ct) =>
            {
                // The agent goes down after the commit, before the file is moved to processed/.
                await stop.CancelAsync();
                await Task.Delay(Timeout.Infinite, ct);
            };
            await first.RunAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(2, first.Stored);
            Assert.True(File.Exists(file));
        }

        // A new worker has a new (empty) repeat window, as after a restart.
        using (var stop = new CancellationTokenSource())
        using (var second = NewWorker(settings))
        {
            var running = second.RunAsync(stop.Token);
            await Wait.UntilAsync(() => second.IsReady, TimeSpan.FromSeconds(20), () => "second pass\n" + log);
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal((0L, 2L, 1L), (second.Stored, second.AlreadyStored, second.Processed));
        }

        Assert.False(File.Exists(file));
        Assert.Equal(new[] { "T1", "T2" }.Select(TestCodes.PackId), outbox.Pending(10).Select(e => e.Identifier).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SameNameWithOtherContent_IsANewFile_ItsCodesBecomeHops()
    {
        var folder = Path.Combine(directory, "inbox");
        Directory.CreateDirectory(folder);
        var settings = new CameraScannerSettings { Name = "cam", Folder = folder, Workflow = "receive" };
        foreach (var serial in new[] { "N1", "N2" })
        {
            var frame = new CameraSimulationOptions([$"(01){TestCodes.Gtin}(17)271231(10)LOT42(21){serial}"]) { Repeat = 1, Distortion = CameraDistortion.Mild, Seed = 5 };
            await File.WriteAllBytesAsync(Path.Combine(folder, "frame.png"), GrayPngEncoder.Encode(new CameraFrameRenderer(frame).Render(0).Image));
            using var stop = new CancellationTokenSource();
            using var worker = NewWorker(settings);
            var running = worker.RunAsync(stop.Token);
            await Wait.UntilAsync(() => worker.IsReady, TimeSpan.FromSeconds(20), () => "pass\n" + log);
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal((1L, 0L), (worker.Stored, worker.AlreadyStored));
        }

        Assert.Equal(2, outbox.Pending(10).Count);
    }

    private FolderCameraWorker NewWorker(CameraScannerSettings settings)
    {
        var identity = new AgentIdentity("cam-dev", key, TestCodes.Gln(1), TimeProvider.System, TimeZoneInfo.Utc, new Gs1ParseOptions());
        return new FolderCameraWorker(settings, new HopRecorder(identity, outbox), new AgentLog(log, TimeProvider.System), TimeProvider.System);
    }

    public void Dispose()
    {
        outbox.Dispose();
        key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
