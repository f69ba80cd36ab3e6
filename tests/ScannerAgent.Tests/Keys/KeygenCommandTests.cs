using System.CommandLine;
using ScannerAgent.Commands;
using ScannerAgent.Keys;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Tests.Keys;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KeygenCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("agent-keygen-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand("test") { KeygenCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CommandLineExit.Run(root, ["keygen", .. args], new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Keygen_WritesMode0600Pkcs8_AndPrintsPublicKeyAndKeyId()
    {
        var path = Path.Combine(directory, "device.key");
        var (exit, output, _) = Run("--key", path);
        Assert.Equal(0, exit);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path), StringComparison.Ordinal);
        using var key = DeviceKeyFile.Load(path);
        Assert.Contains($"key id:     {DeviceKeys.KeyId(key)}", output, StringComparison.Ordinal);
        Assert.Contains($"public key: {DeviceKeys.ExportPublicKey(key)}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Keygen_RefusesToOverwrite_UnlessForced()
    {
        var path = Path.Combine(directory, "device.key");
        Assert.Equal(0, Run("--key", path).Exit);
        var first = File.ReadAllText(path);
        var (exit, _, error) = Run("--key", path);
        Assert.Equal(1, exit);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllText(path));
        Assert.Equal(0, Run("--key", path, "--force").Exit);
        Assert.NotEqual(first, File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Load_NotAKey_NamesTheFile()
    {
        var path = Path.Combine(directory, "junk.key");
        File.WriteAllText(path, "not a key");
        var e = Assert.Throws<InvalidDataException>(() => DeviceKeyFile.Load(path));
        Assert.Contains("junk.key", e.Message, StringComparison.Ordinal);
    }
}
