using System.CommandLine;
using ScannerAgent.Commands;

namespace ScannerAgent.Tests.Commands;

public sealed class DemoCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand("test") { DemoCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CommandLineExit.Run(root, ["demo", .. args], new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Demo_FromTheCommandLine_WithDefaultRate_PlaysToTheEnd()
    {
        var directory = Path.Combine(Path.GetTempPath(), "demo-cmd-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output, error) = Run("--dir", directory, "--urls", "http://127.0.0.1:0", "--exit-when-done");
            Assert.True(exit == 0, output + error);
            Assert.Contains("ALERT UNKNOWN_SERIAL", output, StringComparison.Ordinal);
            Assert.Contains("ALERT SECOND_DISPENSE", output, StringComparison.Ordinal);
            Assert.Contains("ALERT DIVERSION", output, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public void Demo_RateOutOfRange_IsAUsageError(string rate)
    {
        var (exit, _, error) = Run("--rate", rate);
        Assert.Equal(CommandLineExit.UsageError, exit);
        Assert.Contains("--rate must be above 0", error, StringComparison.Ordinal);
    }
}
