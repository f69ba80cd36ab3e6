using System.CommandLine;
using ScannerAgent.Demo;

namespace ScannerAgent.Commands;

/// <summary>
/// <c>demo [--dir DIR] [--urls URL] [--rate N] [--exit-when-done]</c>: the whole chain on one machine (ledger,
/// agents, firmware-sim scanners) playing a supply-chain day with a counterfeit, a clone and a diversion.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var dir = new Option<DirectoryInfo?>("--dir") { Description = "Empty folder for ledger, keys, outboxes, ptys and logs (default: a new temp folder)" };
        var urls = new Option<string>("--urls") { Description = "Where the ledger listens", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var rate = new Option<double>("--rate") { Description = "Scans per second per scanner", DefaultValueFactory = _ => 4 };
        var exit = new Option<bool>("--exit-when-done") { Description = "Stop after the scenario instead of running until Ctrl-C" };
        var command = new Command("demo", "Run the whole chain with simulated scanners and a scripted supply-chain day.") { dir, urls, rate, exit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Checked here rather than in a command validator: validators see no default values.
            if (parse.GetValue(rate) is <= 0 or > 100)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--rate must be above 0 and at most 100 scans per second");
                return CommandLineExit.UsageError;
            }

            var folder = parse.GetValue(dir)?.FullName ?? Directory.CreateTempSubdirectory("tracechain-demo-").FullName;
            var options = new DemoOptions(folder, parse.GetRequiredValue(urls), parse.GetValue(rate), parse.GetValue(exit), TimeSpan.FromSeconds(60));
            try
            {
                var result = await new DemoRunner(options, parse.InvocationConfiguration.Output).RunAsync(cancellationToken);
                return result.AsPlanned ? 0 : 1;
            }
            catch (IOException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"demo: {e.Message}");
                return CommandLineExit.UsageError;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        });
        return command;
    }
}
