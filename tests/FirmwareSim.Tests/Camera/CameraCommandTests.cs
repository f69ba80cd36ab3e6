using System.CommandLine;
using System.Security.Cryptography;
using FirmwareSim.Camera;
using FirmwareSim.Commands;
using TraceChain.Imaging;

namespace FirmwareSim.Tests.Camera;

public sealed class CameraCommandTests : IDisposable
{
    private readonly string _dir = TestFiles.NewDirectory();

    [Fact]
    public async Task Run_SameSeed_WritesByteIdenticalFrames_AnotherSeedDiffers()
    {
        var options = new CameraSimulationOptions(CameraPacks.Generate(3, "DET")) { Repeat = 2, Seed = 42, Rate = 0 };

        var first = await RunIntoAsync("a", options);
        var second = await RunIntoAsync("b", options);
        var other = await RunIntoAsync("c", options with { Seed = 43 });

        Assert.Equal(6, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(first.Keys, other.Keys);
        Assert.All(first.Keys, name => Assert.NotEqual(first[name], other[name]));
    }

    [Fact]
    public async Task Run_CameraDistortion_EveryFrameDecodesToItsPack_AndNoTemporaryFileRemains()
    {
        var packs = CameraPacks.Generate(8, "RD");
        var options = new CameraSimulationOptions(packs) { Repeat = 2, Seed = 7, Rate = 0 };

        var frames = await RunIntoAsync("frames", options);

        var reader = new BarcodeReader(ReaderOptions.Default with { MaxSymbols = 1 });
        var sink = new FolderFrameSink(Path.Combine(_dir, "frames"), "cam1");
        for (var i = 0; i < options.FrameCount; i++)
        {
            var code = Assert.Single(reader.Decode(File.ReadAllBytes(Path.Combine(_dir, "frames", sink.FileName(i)))));
            Assert.Equal("]d2", code.SymbologyIdentifier);
            Assert.Equal(Gs1Text(packs[i / 2]), code.Text);
        }

        Assert.Equal(16, frames.Count);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_dir, "frames"), ".*"));
    }

    [Fact]
    public async Task Run_Tray_EachFrameHoldsEveryPackOfItsTray()
    {
        var packs = CameraPacks.Generate(6, "TR");
        var options = new CameraSimulationOptions(packs) { Repeat = 1, Tray = 3, Seed = 3, Distortion = CameraDistortion.Mild, Rate = 0 };

        await RunIntoAsync("tray", options);

        var reader = new BarcodeReader();
        var sink = new FolderFrameSink(Path.Combine(_dir, "tray"), "cam1");
        for (var frame = 0; frame < 2; frame++)
        {
            var codes = reader.Decode(File.ReadAllBytes(Path.Combine(_dir, "tray", sink.FileName(frame))));
            Assert.Equal(packs.Skip(frame * 3).Take(3).Select(Gs1Text).Order(StringComparer.Ordinal), codes.Select(c => c.Text).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Run_DigitalLinkSymbology_FramesCarryTheUriInAQrCode()
    {
        var options = new CameraSimulationOptions(CameraPacks.Generate(1, "DL")) { Repeat = 1, Symbology = CameraSymbology.DigitalLink, Distortion = CameraDistortion.Mild, Rate = 0 };

        await RunIntoAsync("dl", options);

        var code = Assert.Single(new BarcodeReader().Decode(File.ReadAllBytes(Path.Combine(_dir, "dl", "cam1-000000.png"))));
        Assert.Equal("]Q1", code.SymbologyIdentifier);
        Assert.Equal("https://id.tracechain.example/01/09506000134352/10/LOT42/21/DL000001?17=271231", code.Text);
    }

    [Fact]
    public async Task Run_InvalidPack_Returns2AndNamesIt()
    {
        var output = new StringWriter();
        var options = new CameraSimulationOptions(["(01)09506000134353(21)X1"]);

        var exit = await CameraCommand.RunAsync(options, _ => Task.FromResult<IFrameSink>(new FolderFrameSink(_dir, "cam1")), output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("pack '(01)09506000134353(21)X1' is not a GS1 element string", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_dir));
    }

    [Fact]
    public async Task Command_BothDirAndHost_Returns2()
    {
        var output = new StringWriter();
        var root = new RootCommand { CameraCommand.Create() };

        var exit = await root.Parse(["camera", "--dir", _dir, "--host", "127.0.0.1"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });

        Assert.Equal(2, exit);
        Assert.Contains("exactly one of --dir", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_CodesFile_WritesTheirFrames()
    {
        var codes = Path.Combine(_dir, "codes.txt");
        await File.WriteAllTextAsync(codes, "# two packs\n(01)09506000134352(21)FILE1\n\n(01)09506000134352(21)FILE2\n");
        var output = new StringWriter();
        var root = new RootCommand { CameraCommand.Create() };

        var exit = await root.Parse(["camera", "--codes", codes, "--dir", Path.Combine(_dir, "out"), "--repeat", "1", "--rate", "0", "--distortion", "none", "--module-pixels", "3", "--camera", "dock"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });

        Assert.True(exit == 0, output.ToString());
        Assert.Equal(["dock-000000.png", "dock-000001.png"], Directory.EnumerateFiles(Path.Combine(_dir, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("done: 2 frame(s) sent", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A pack's element string as a reader returns it: AIs and values, GS after a variable-length value that is not last.
    private static string Gs1Text(string pack) =>
        TraceChain.Protocol.Gs1.Gs1Parser.Parse(pack).ElementString;

    private async Task<Dictionary<string, string>> RunIntoAsync(string folder, CameraSimulationOptions options)
    {
        var path = Path.Combine(_dir, folder);
        var output = new StringWriter();
        var exit = await CameraCommand.RunAsync(options, _ => Task.FromResult<IFrameSink>(new FolderFrameSink(path, "cam1")), output, CancellationToken.None);
        Assert.True(exit == 0, output.ToString());
        return Directory.EnumerateFiles(path).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
    }
}
