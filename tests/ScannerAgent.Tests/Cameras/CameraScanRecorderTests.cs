using System.Security.Cryptography;
using FirmwareSim.Camera;
using Microsoft.Extensions.Time.Testing;
using ScannerAgent.Agent;
using ScannerAgent.Cameras;
using ScannerAgent.Configuration;
using ScannerAgent.Outbox;
using ScannerAgent.Tests.Support;
using TraceChain.Imaging;
using TraceChain.Imaging.Frames;
using TraceChain.Imaging.Labels;
using TraceChain.Protocol.Gs1;
using TraceChain.Protocol.Notifications;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Tests.Cameras;

/// <summary>The camera path with a real outbox file: codes in frames become signed hops, repeats do not.</summary>
public sealed class CameraScanRecorderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("agent-camera-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly OutboxStore outbox;
    private readonly LogCapture log = new();
    private readonly CameraScanRecorder cameras;

    public CameraScanRecorderTests()
    {
        outbox = OutboxStore.Open(Path.Combine(directory, "outbox.db"));
        var identity = new AgentIdentity("cam-dev", key, TestCodes.Gln(1), time, TimeZoneInfo.Utc, new Gs1ParseOptions { TimeProvider = time });
        var settings = new CameraScannerSettings { Name = "dock", Folder = directory, RepeatWindowMilliseconds = 3000, Workflow = "receive" };
        cameras = CameraScanRecorder.For(settings, new HopRecorder(identity, outbox), new AgentLog(log, time), time);
    }

    [Fact]
    public async Task Record_SamePackInConsecutiveFrames_OneHop_ShownAgainLater_AnotherHop()
    {
        var frames = Frames(CameraDistortion.Camera, repeat: 4, "R1");

        var results = new List<CameraFrameResult>();
        foreach (var frame in frames)
        {
            results.Add(await cameras.RecordAsync("cam-a", frame, CancellationToken.None));
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        time.Advance(TimeSpan.FromSeconds(5));
        var later = await cameras.RecordAsync("cam-a", frames[0], CancellationToken.None);

        Assert.Equal([1, 0, 0, 0], results.Select(r => r.Stored.Count));
        Assert.Equal([0, 1, 1, 1], results.Select(r => r.Suppressed));
        Assert.Single(later.Stored);
        var pending = outbox.Pending(10);
        Assert.Equal(2, pending.Count);
        Assert.All(pending, p => Assert.Equal("dock/cam-a", p.Scanner));
        var hop = SignedHop.Parse(pending[0].Entry).Hop;
        Assert.Equal(TestCodes.PackId("R1"), hop.Identifiers[0]);
        Assert.Equal("LOT42", hop.Batch);
        Assert.Equal(TestCodes.Pack("R1"), hop.RawScan);
    }

    [Theory]
    [InlineData("LOT42", true)]
    [InlineData("LOT99", false)]
    public async Task Record_PackOfACachedRecalledBatch_IsStoredAndWarned(string recalledBatch, bool warned)
    {
        using var recalls = RecallCache.Open(Path.Combine(directory, "recalls.db"));
        recalls.Store(new RecallNotice(TestCodes.Gtin, recalledBatch, false, "contamination", time.GetUtcNow(), 9), time.GetUtcNow());
        var identity = new AgentIdentity("cam-dev", key, TestCodes.Gln(1), time, TimeZoneInfo.Utc, new Gs1ParseOptions { TimeProvider = time });
        var settings = new CameraScannerSettings { Name = "dock", Folder = directory, Workflow = "receive" };
        var recalling = CameraScanRecorder.For(settings, new HopRecorder(identity, outbox, recalls), new AgentLog(log, time), time);

        var result = await recalling.RecordAsync("cam-a", Frames(CameraDistortion.Mild, repeat: 1, "RC1")[0], CancellationToken.None);

        var entry = Assert.Single(result.Stored);
        if (warned)
        {
            var warning = Assert.Single(result.Recalled);
            Assert.Equal($"RECALLED #{entry.Counter} {TestCodes.PackId("RC1")}: batch LOT42 recalled: contamination", warning);
            Assert.True(log.Has(warning));
        }
        else
        {
            Assert.Empty(result.Recalled);
            Assert.False(log.Has("RECALLED"));
        }
    }

    [Fact]
    public async Task Record_SamePackFromTwoCameras_IsTwoScans()
    {
        var frame = Frames(CameraDistortion.Mild, repeat: 1, "C1")[0];

        var a = await cameras.RecordAsync("cam-a", frame, CancellationToken.None);
        var b = await cameras.RecordAsync("cam-b", frame, CancellationToken.None);

        Assert.Single(a.Stored);
        Assert.Single(b.Stored);
    }

    [Fact]
    public async Task Record_TrayOfThree_ThreeHops()
    {
        var options = new CameraSimulationOptions(new[] { "R7", "R8", "R9" }.Select(s => $"(01){TestCodes.Gtin}(17)271231(10)LOT42(21){s}").ToList()) { Repeat = 1, Tray = 3, Distortion = CameraDistortion.Mild, Seed = 11 };
        var frame = GrayPngEncoder.Encode(new CameraFrameRenderer(options).Render(0).Image);

        var result = await cameras.RecordAsync("tray", frame, CancellationToken.None);

        Assert.Equal(3, result.Stored.Count);
        Assert.Equal(new[] { "R7", "R8", "R9" }.Select(TestCodes.PackId), result.Stored.Select(e => e.Identifier).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Record_CodeThatNamesNoPack_NoHop_ProblemReported()
    {
        var frame = GrayPngEncoder.Encode(new LabelWriter().WriteGray(Label.QrCode("hello, not a pack")));

        var result = await cameras.RecordAsync("cam-a", frame, CancellationToken.None);

        Assert.Empty(result.Stored);
        Assert.Contains("hello, not a pack", Assert.Single(result.Invalid), StringComparison.Ordinal);
        Assert.Empty(outbox.Pending(10));
        Assert.True(log.Has("invalid code"), log.ToString());
    }

    [Fact]
    public async Task Record_CorruptImage_NamesTheProblem_NoHop()
    {
        var png = GrayPngEncoder.Encode(GrayImage.Filled(64, 64, 255));
        png[40] ^= 0xFF;

        var result = await cameras.RecordAsync("cam-a", png, CancellationToken.None);

        Assert.NotNull(result.ImageProblem);
        Assert.StartsWith("MalformedImage: ", result.ImageProblem, StringComparison.Ordinal);
        Assert.Empty(outbox.Pending(10));
    }

    [Fact]
    public async Task Record_OutboxFails_Throws_AndTheSameFrameIsStoredOnRetry()
    {
        var frame = Frames(CameraDistortion.Mild, repeat: 1, "F9")[0];
        var identity = new AgentIdentity("cam-dev", key, TestCodes.Gln(1), time, TimeZoneInfo.Utc, new Gs1ParseOptions { TimeProvider = time });
        var repeats = new RepeatSuppressor(TimeSpan.FromSeconds(3), time);
        var broken = OutboxStore.Open(Path.Combine(directory, "broken.db"));
        broken.Dispose();
        var failing = new CameraScanRecorder(cameras.Setup, new CameraFrameDecoder(new BarcodeReader()), repeats, new HopRecorder(identity, broken), new AgentLog(log, time));
        var working = new CameraScanRecorder(cameras.Setup, new CameraFrameDecoder(new BarcodeReader()), repeats, new HopRecorder(identity, outbox), new AgentLog(log, time));

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => failing.RecordAsync("cam-a", frame, CancellationToken.None));
        var retry = await working.RecordAsync("cam-a", frame, CancellationToken.None);

        // The failed sighting was forgotten: the redelivered frame is a scan, not a repeat.
        Assert.Single(retry.Stored);
        Assert.Equal(0, retry.Suppressed);
    }

    public void Dispose()
    {
        outbox.Dispose();
        key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static List<byte[]> Frames(CameraDistortion distortion, int repeat, params string[] serials)
    {
        var options = new CameraSimulationOptions([.. serials.Select(s => $"(01){TestCodes.Gtin}(17)271231(10)LOT42(21){s}")]) { Repeat = repeat, Distortion = distortion, Seed = 3 };
        return [.. new CameraFrameRenderer(options).Frames().Select(f => GrayPngEncoder.Encode(f.Image))];
    }
}
