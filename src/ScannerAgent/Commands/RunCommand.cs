using System.CommandLine;
using ScannerAgent.Agent;
using ScannerAgent.Configuration;

namespace ScannerAgent.Commands;

/// <summary>
/// <c>run --config appsettings.json [--Agent:Key=value …]</c>: reads the scanners, stores signed hops in the
/// outbox and uploads them until Ctrl-C or SIGTERM.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "appsettings.json (section Agent)", Required = true };
        var command = new Command("run", "Run the agent: scanners -> signed hops -> outbox -> gateway. Extra --Agent:Key=value arguments override the file.")
        {
            config,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            AgentRunner runner;
            try
            {
                var settings = AgentSettingsLoader.Load(parse.GetValue(config)!.FullName, parse.UnmatchedTokens);
                runner = new AgentRunner(settings, parse.InvocationConfiguration.Output);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
            {
                await error.WriteLineAsync($"run: {e.Message}");
                return CommandLineExit.UsageError;
            }

            using (runner)
            {
                await runner.RunAsync(cancellationToken);
            }

            return 0;
        });
        return command;
    }
}
