using System.Diagnostics;

namespace TraceChain.Mqtt.Tests.Broker;

/// <summary>Runs mosquitto_pub / mosquitto_sub and captures their output.</summary>
public static class Cli
{
    public static Process Start(string tool, IEnumerable<string> arguments, bool redirectInput = false)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {tool}");
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = Start(tool, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"{tool} did not finish within {timeout}: {await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
