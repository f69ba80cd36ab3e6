using System.CommandLine;
using FirmwareSim.Mqtt;
using FirmwareSim.Scenarios;

namespace FirmwareSim.Commands;

/// <summary>`firmware-sim mqtt`: N Wi-Fi scanners publishing scans QoS 1 to a broker, playing a scenario.</summary>
public static class MqttCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scanners = new Option<int>("--scanners") { Description = "number of Wi-Fi scanners ({prefix}-1..N)", DefaultValueFactory = _ => 1 };
        var host = new Option<string>("--host") { Description = "broker host", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "broker port", DefaultValueFactory = _ => 1883 };
        var username = new Option<string?>("--username") { Description = "broker user name" };
        var password = new Option<string?>("--password") { Description = "broker password" };
        var site = new Option<string>("--site") { Description = "site topic level", DefaultValueFactory = _ => "site1" };
        var prefix = new Option<string>("--prefix") { Description = "scanner id prefix", DefaultValueFactory = _ => "wifi" };
        var payload = new Option<string>("--payload") { Description = "raw, json or mixed", DefaultValueFactory = _ => "raw" };
        payload.AcceptOnlyFromAmong("raw", "json", "mixed");
        var rate = new Option<double>("--rate") { Description = "scans per second per scanner (steps with delay '-')", DefaultValueFactory = _ => 10 };
        var scenario = new Option<FileInfo?>("--scenario") { Description = "scenario file (docs/serial.md, docs/mqtt.md); default: --count GS1 scans per scanner" };
        var count = new Option<int>("--count") { Description = "scans per scanner without --scenario", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "seed for garbage bytes and the mixed payload choice", DefaultValueFactory = _ => 1 };
        var verdictTimeout = new Option<int>("--verdict-timeout-ms") { Description = "wait at most this long at the end for a verdict on every scan (0: do not wait)", DefaultValueFactory = _ => 5000 };
        var exitWhenDone = new Option<bool>("--exit-when-done") { Description = "exit after the summary instead of showing verdicts until Ctrl-C" };

        var command = new Command("mqtt", "simulate Wi-Fi scanners publishing to an MQTT broker")
        {
            scanners, host, port, username, password, site, prefix, payload, rate, scenario, count, seed, verdictTimeout, exitWhenDone,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new MqttSimulationOptions(parse.GetValue(scanners), parse.GetValue(host)!, parse.GetValue(port))
            {
                Site = parse.GetValue(site)!,
                Prefix = parse.GetValue(prefix)!,
                Username = parse.GetValue(username),
                Password = parse.GetValue(password),
                Payload = parse.GetValue(payload) switch { "json" => ScanPayloadFormat.Json, "mixed" => ScanPayloadFormat.Mixed, _ => ScanPayloadFormat.Raw },
                Rate = parse.GetValue(rate),
                Seed = parse.GetValue(seed),
                VerdictTimeout = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(verdictTimeout))),
            };
            return RunAsync(options, parse.GetValue(scenario)?.FullName, parse.GetValue(count), parse.GetValue(exitWhenDone), Console.Out, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs a simulation; returns 0 when the broker acknowledged every scan, 1 otherwise, 2 on bad input.</summary>
    public static async Task<int> RunAsync(MqttSimulationOptions options, string? scenarioPath, int count, bool exitWhenDone, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var log = TextWriter.Synchronized(output);
        MqttSimulation simulation;
        try
        {
            ValidateLevel(options.Site, "--site");
            ValidateLevel(options.Prefix, "--prefix");
            var steps = scenarioPath is null ? DefaultScenario.Create(options.Scanners, count) : ScenarioParser.Parse(await File.ReadAllTextAsync(scenarioPath, cancellationToken));
            simulation = new MqttSimulation(options, steps, log.WriteLine);
        }
        catch (Exception ex) when (ex is ScenarioFormatException or IOException or ArgumentException)
        {
            await log.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }

        await using (simulation)
        {
            try
            {
                var summary = await simulation.RunAsync(cancellationToken);
                await log.WriteLineAsync(summary.ToString());
                if (!exitWhenDone)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                return summary.Acknowledged == summary.Published ? 0 : 1;
            }
            catch (OperationCanceledException)
            {
                var summary = simulation.Summary();
                await log.WriteLineAsync(summary.ToString());
                return summary.Acknowledged == summary.Published ? 0 : 1;
            }
            catch (TraceChain.Mqtt.MqttConnectException ex)
            {
                await log.WriteLineAsync($"error: broker refused the connection: {ex.Message}");
                return 2;
            }
        }
    }

    private static void ValidateLevel(string value, string option)
    {
        if (value.Length == 0 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"{option} '{value}' must be letters, digits, '-' or '_' (one topic level)");
        }
    }
}
