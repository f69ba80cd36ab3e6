using System.CommandLine;
using ScannerAgent.Commands;

namespace ScannerAgent.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("agent-run-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static (int Exit, string Error) Run(params string[] args)
    {
        var root = new RootCommand("test") { RunCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CommandLineExit.Run(root, ["run", .. args], new InvocationConfiguration { Output = output, Error = error });
        return (exit, error.ToString());
    }

    [Fact]
    public void Run_BadConfiguration_ExitsTwo_NamingEveryProblem()
    {
        var path = Path.Combine(directory, "appsettings.json");
        File.WriteAllText(path, """{ "Agent": { "DeviceId": "d1", "Location": "123", "Scanners": [ { "Port": "/dev/ttyS9", "Mode": "usb" } ] } }""");
        var (exit, error) = Run("--config", path, "--Agent:GatewayUrl=nope");
        Assert.Equal(CommandLineExit.UsageError, exit);
        Assert.Contains("Agent:Location '123'", error, StringComparison.Ordinal);
        Assert.Contains("Agent:GatewayUrl 'nope'", error, StringComparison.Ordinal);
        Assert.Contains("Agent:Scanners:0:Mode 'usb'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingKey_SaysHowToCreateIt()
    {
        var path = Path.Combine(directory, "appsettings.json");
        File.WriteAllText(path, """{ "Agent": { "DeviceId": "d1", "Location": "4012345000009", "KeyFile": "absent.key", "Scanners": [ { "Port": "/dev/ttyS9" } ] } }""");
        var (exit, error) = Run("--config", path);
        Assert.Equal(CommandLineExit.UsageError, exit);
        Assert.Contains("ScannerAgent keygen --key", error, StringComparison.Ordinal);
    }
}
