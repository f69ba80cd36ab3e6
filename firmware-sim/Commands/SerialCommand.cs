using System.CommandLine;
using FirmwareSim.Scenarios;
using FirmwareSim.Serial;
using TraceChain.Protocol.Scanning;
using TraceChain.Serial.Scanning;

namespace FirmwareSim.Commands;

/// <summary>`firmware-sim serial`: N scanners on pseudo-terminals in line or SSI mode, playing a scenario.</summary>
public static class SerialCommand
{

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scanners = new Option<int>("--scanners") { Description = "number of scanners (links scanner1..N)", DefaultValueFactory = _ => 1 };
        var mode = new Option<string>("--mode") { Description = "line or ssi", DefaultValueFactory = _ => "line" };
        mode.AcceptOnlyFromAmong("line", "ssi");
        var dir = new Option<string>("--dir") { Description = "directory for the scannerN symlinks", DefaultValueFactory = _ => "/tmp/tc-scanners" };
        var rate = new Option<double>("--rate") { Description = "scans per second per scanner (steps with delay '-')", DefaultValueFactory = _ => 10 };
        var scenario = new Option<FileInfo?>("--scenario") { Description = "scenario file (docs/serial.md); default: --count GS1 scans per scanner" };
        var count = new Option<int>("--count") { Description = "scans per scanner without --scenario", DefaultValueFactory = _ => 10 };
        var suffix = new Option<string>("--suffix") { Description = "line-mode suffix: cr, lf or crlf", DefaultValueFactory = _ => "cr" };
        suffix.AcceptOnlyFromAmong("cr", "lf", "crlf");
        var ackTimeout = new Option<int>("--ack-timeout-ms") { Description = "SSI: wait for ACK before resending", DefaultValueFactory = _ => 500 };
        var retries = new Option<int>("--retries") { Description = "SSI: resends per scan before giving up", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "seed for garbage bytes", DefaultValueFactory = _ => 1 };
        var exitWhenDone = new Option<bool>("--exit-when-done") { Description = "exit once the scenario is played instead of waiting for Ctrl-C" };

        var command = new Command("serial", "simulate serial scanners on pseudo-terminals")
        {
            scanners, mode, dir, rate, scenario, count, suffix, ackTimeout, retries, seed, exitWhenDone,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new SerialSimulationOptions(parse.GetValue(scanners), parse.GetValue(mode) == "ssi" ? ScannerMode.Ssi : ScannerMode.Line, parse.GetValue(dir)!)
            {
                Rate = parse.GetValue(rate),
                Suffix = parse.GetValue(suffix) switch { "lf" => LineSuffix.Lf, "crlf" => LineSuffix.CrLf, _ => LineSuffix.Cr },
                AckTimeout = TimeSpan.FromMilliseconds(parse.GetValue(ackTimeout)),
                MaxRetries = parse.GetValue(retries),
                Seed = parse.GetValue(seed),
            };
            return RunAsync(options, parse.GetValue(scenario)?.FullName, parse.GetValue(count), parse.GetValue(exitWhenDone), Console.Out, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs a simulation; returns 0 when every scan was delivered, 1 when some were lost, 2 on bad input.</summary>
    public static async Task<int> RunAsync(SerialSimulationOptions options, string? scenarioPath, int count, bool exitWhenDone, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var log = TextWriter.Synchronized(output);
        SerialSimulation simulation;
        try
        {
            var steps = scenarioPath is null ? DefaultScenario.Create(options.Scanners, count) : ScenarioParser.Parse(await File.ReadAllTextAsync(scenarioPath, cancellationToken));
            simulation = new SerialSimulation(options, steps, log.WriteLine);
        }
        catch (Exception ex) when (ex is ScenarioFormatException or IOException or ArgumentOutOfRangeException)
        {
            await log.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }

        using (simulation)
        {
            try
            {
                await simulation.Completion.WaitAsync(cancellationToken);
                var lost = simulation.Scanners.Sum(s => s.ScansLost);
                await log.WriteLineAsync($"done: {simulation.Scanners.Sum(s => s.ScansSent)} scans sent, {lost} lost");
                if (!exitWhenDone)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                return lost == 0 ? 0 : 1;
            }
            catch (OperationCanceledException)
            {
                return simulation.Scanners.Sum(s => s.ScansLost) == 0 ? 0 : 1;
            }
        }
    }
}
