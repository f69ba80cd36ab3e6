using FirmwareSim.Camera;
using FirmwareSim.Commands;
using ScannerAgent.Cameras;
using ScannerAgent.Configuration;
using ScannerAgent.Tests.Support;
using TraceChain.Imaging;
using TraceChain.Imaging.Frames;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Tests.Agent;

/// <summary>Watched-folder cameras end to end: firmware-sim frames, the agent, its outbox and a real ledger.</summary>
public sealed class CameraFolderTests
{
    [Fact]
    public async Task NPacksInRepeatedDistortedFrames_BecomeExactlyNHops_BadFilesRejectedWithAReason()
    {
        await using var chain = await AgentHarness.CreateAsync();
        var folder = Path.Combine(chain.Directory, "camera");
        chain.Settings.CameraScanners.Add(new CameraScannerSettings { Name = "dock-cam", Folder = folder, RepeatWindowMilliseconds = 600_000, Workflow = "receive" });
        await chain.StartAgentAsync();
        await Wait.UntilAsync(() => chain.Runner!.Cameras.IsReady, TimeSpan.FromSeconds(10), () => "watching\n" + chain.Log);

        var packs = CameraPacks.Generate(6, "WF");
        await SimulateAsync(folder, "cam1", new CameraSimulationOptions(packs) { Repeat = 3, Seed = 21, Rate = 0 });
        await WriteAtomicallyAsync(folder, "broken.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3]);
        await WriteAtomicallyAsync(folder, "empty.png", GrayPngEncoder.Encode(GrayImage.Filled(320, 240, 180)));
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not an image: ignored");

        await chain.WaitForLedgerHopsAsync(6);
        var worker = chain.Runner!.Cameras.Folders[0];
        await Wait.UntilAsync(() => worker.Processed == 18 && worker.Rejected == 2, TimeSpan.FromSeconds(20), () => $"18 processed, 2 rejected (now {worker.Processed}, {worker.Rejected})\n{chain.Log}");

        var hops = await chain.Ledger.HopsAsync(AgentHarness.DeviceId);
        Assert.Equal(packs.Select((_, i) => TestCodes.PackId($"WF{i + 1:D6}")), hops.Select(h => SignedHop.Parse(h.EntryBytes).Hop.Identifiers[0]).Order(StringComparer.Ordinal));
        Assert.Equal(12, worker.Suppressed);
        Assert.Equal(18, Directory.GetFiles(worker.ProcessedFolder, "cam1-*.png").Length);
        Assert.Contains("MalformedImage", await File.ReadAllTextAsync(Path.Combine(worker.RejectedFolder, "broken.png.reason.txt")), StringComparison.Ordinal);
        Assert.Contains("no barcode found in the image", await File.ReadAllTextAsync(Path.Combine(worker.RejectedFolder, "empty.png.reason.txt")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "notes.txt")));
        Assert.True(chain.Log.Has("broken.png rejected: MalformedImage"), chain.Log.ToString());
    }

    [Fact]
    public async Task FilesLeftWhileTheAgentWasDown_ProcessedOnStart_AnIncompleteFileWaitsForItsWriter()
    {
        await using var chain = await AgentHarness.CreateAsync();
        var folder = Path.Combine(chain.Directory, "camera");
        chain.Settings.CameraScanners.Add(new CameraScannerSettings { Name = "counter", Folder = folder, CameraId = "c7", SettleMilliseconds = 600_000, Workflow = "receive" });
        await chain.StartAgentAsync();
        await SimulateAsync(folder, "first", new CameraSimulationOptions(CameraPacks.Generate(2, "RS")) { Repeat = 1, Seed = 4, Distortion = CameraDistortion.Mild, Rate = 0 });
        await chain.WaitForLedgerHopsAsync(2);
        var first = chain.Runner!.Cameras.Folders[0];
        await Wait.UntilAsync(() => first.Processed == 2, TimeSpan.FromSeconds(10), () => "first files moved\n" + chain.Log);
        await chain.StopAgentAsync();

        // While the agent is down: three more packs, a file still being written in place, a truncated old file.
        var later = CameraPacks.Generate(5, "RS").Skip(2).ToList();
        await SimulateAsync(folder, "later", new CameraSimulationOptions(later) { Repeat = 1, Seed = 5, Distortion = CameraDistortion.Mild, Rate = 0 });
        var slow = new FolderFrameSink(folder, "slow");
        var slowPng = GrayPngEncoder.Encode(new CameraFrameRenderer(new CameraSimulationOptions([CameraPacks.Generated("RS", 6)]) { Distortion = CameraDistortion.Mild }).Render(0).Image);
        var slowPath = Path.Combine(folder, slow.FileName(0));
        await File.WriteAllBytesAsync(slowPath, slowPng.AsMemory(0, slowPng.Length / 2));
        var cutPath = Path.Combine(folder, "cut.png");
        await File.WriteAllBytesAsync(cutPath, slowPng.AsMemory(0, slowPng.Length - 100));
        File.SetLastWriteTimeUtc(cutPath, DateTime.UtcNow.AddHours(-1));

        await chain.StartAgentAsync();
        var worker = chain.Runner!.Cameras.Folders[0];
        await Wait.UntilAsync(() => worker.IsReady, TimeSpan.FromSeconds(20), () => "first pass done\n" + chain.Log);
        await chain.WaitForLedgerHopsAsync(5);

        Assert.Equal(3, worker.Stored);
        Assert.True(File.Exists(slowPath), "the half-written file must wait for its writer");
        Assert.Contains("cut.png", await File.ReadAllTextAsync(Path.Combine(worker.RejectedFolder, "cut.png.reason.txt")), StringComparison.Ordinal);

        await File.WriteAllBytesAsync(slowPath, slowPng);
        await chain.WaitForLedgerHopsAsync(6);
        await Wait.UntilAsync(() => File.Exists(Path.Combine(worker.ProcessedFolder, slow.FileName(0))), TimeSpan.FromSeconds(10), () => "slow file processed\n" + chain.Log);

        var hops = await chain.Ledger.HopsAsync(AgentHarness.DeviceId);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long?)i), hops.Select(h => h.Counter));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => TestCodes.PackId($"RS{i:D6}")), hops.Select(h => SignedHop.Parse(h.EntryBytes).Hop.Identifiers[0]).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(folder, "*.png"));
    }

    private static async Task SimulateAsync(string folder, string cameraId, CameraSimulationOptions options)
    {
        var output = new StringWriter();
        var exit = await CameraCommand.RunAsync(options, _ => Task.FromResult<IFrameSink>(new FolderFrameSink(folder, cameraId)), output, CancellationToken.None);
        Assert.True(exit == 0, output.ToString());
    }

    private static async Task WriteAtomicallyAsync(string folder, string name, byte[] bytes)
    {
        var temporary = Path.Combine(folder, name + ".tmp");
        await File.WriteAllBytesAsync(temporary, bytes);
        File.Move(temporary, Path.Combine(folder, name));
    }
}
