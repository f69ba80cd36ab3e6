using FirmwareSim.Scenarios;

namespace FirmwareSim.Mqtt;

/// <summary>N simulated Wi-Fi scanners, each with its own link and MQTT session, playing their share of a scenario.</summary>
public sealed class MqttSimulation : IAsyncDisposable
{
    private readonly MqttSimulationOptions _options;
    private readonly IReadOnlyList<ScenarioStep> _steps;
    private readonly List<WifiScanner> _scanners = [];

    /// <summary>Validates the scenario against the options and creates the scanners (not connected).</summary>
    /// <exception cref="ScenarioFormatException">A step names a missing scanner or an action MQTT cannot play.</exception>
    public MqttSimulation(MqttSimulationOptions options, IReadOnlyList<ScenarioStep> steps, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(steps);
        Validate(options, steps);
        _options = options;
        _steps = steps;
        for (var number = 1; number <= options.Scanners; number++)
        {
            _scanners.Add(new WifiScanner(options, number, log));
        }
    }

    /// <summary>The scanners, number 1 first.</summary>
    public IReadOnlyList<WifiScanner> Scanners => _scanners;

    /// <summary>Connects every scanner, plays the scenario, waits for every PUBACK, then (bounded) for the verdicts.</summary>
    public async Task<MqttSimulationSummary> RunAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_scanners.Select(s => s.ConnectAsync(cancellationToken)));
        await Task.WhenAll(_scanners.Select(s => s.PlayAsync([.. _steps.Where(step => step.Scanner == 0 || step.Scanner == s.Number)], cancellationToken)));
        if (_options.VerdictTimeout > TimeSpan.Zero)
        {
            await WaitForVerdictsAsync(cancellationToken);
        }

        return Summary();
    }

    /// <summary>The counts so far.</summary>
    public MqttSimulationSummary Summary()
    {
        var verdicts = _scanners.SelectMany(s => s.Verdicts)
            .GroupBy(v => v.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(v => v.Value), StringComparer.Ordinal);
        return new MqttSimulationSummary(
            _scanners.Sum(s => s.Published),
            _scanners.Sum(s => s.Garbage),
            _scanners.Sum(s => s.Acknowledged),
            _scanners.Sum(s => s.Resent),
            _scanners.Sum(s => s.Reconnects),
            verdicts);
    }

    /// <summary>Disconnects every scanner.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var scanner in _scanners)
        {
            await scanner.DisposeAsync();
        }
    }

    private async Task WaitForVerdictsAsync(CancellationToken cancellationToken)
    {
        // Each published scan gets one "stored" or "invalid" verdict from the agent; poll the counts, bounded.
        var deadline = _options.Time.GetUtcNow() + _options.VerdictTimeout;
        while (Summary() is var summary && summary.ScanVerdicts < summary.Published && _options.Time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), _options.Time, cancellationToken);
        }
    }

    private static void Validate(MqttSimulationOptions options, IReadOnlyList<ScenarioStep> steps) =>
        ScenarioChecks.Validate(options.Scanners, options.Rate, steps, step =>
        {
            if (step.Action is ScenarioAction.Split or ScenarioAction.BadChecksum)
            {
                throw new ScenarioFormatException($"line {step.Line}: {step.Action.ToString().ToLowerInvariant()} is a serial fault; over MQTT use scan, burst, garbage or unplug (drops the Wi-Fi link)");
            }
        });
}
