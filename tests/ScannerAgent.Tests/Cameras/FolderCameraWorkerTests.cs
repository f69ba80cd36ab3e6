using System.Security.Cryptography;
using ScannerAgent.Agent;
using ScannerAgent.Cameras;
using ScannerAgent.Configuration;
using ScannerAgent.Outbox;
using ScannerAgent.Tests.Support;
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

    public void Dispose()
    {
        outbox.Dispose();
        key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
