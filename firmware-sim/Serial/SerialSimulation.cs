using FirmwareSim.Scenarios;
using TraceChain.Serial.Scanning;

namespace FirmwareSim.Serial;

/// <summary>N simulated scanners, each on its own pty and thread, playing their share of a scenario.</summary>
public sealed class SerialSimulation : IDisposable
{
    private readonly List<SimulatedScanner> _scanners = [];

    /// <summary>Validates the scenario against the options, creates every pty and starts playing.</summary>
    /// <exception cref="ScenarioFormatException">A step names a missing scanner or needs SSI mode.</exception>
    public SerialSimulation(SerialSimulationOptions options, IReadOnlyList<ScenarioStep> steps, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(steps);
        Validate(options, steps);
        Directory.CreateDirectory(options.Directory);
        try
        {
            for (var id = 1; id <= options.Scanners; id++)
            {
                _scanners.Add(new SimulatedScanner(
                    new SimulatedScannerOptions(id, options.LinkPath(id), options.Mode)
                    {
                        Suffix = options.Suffix,
                        Interval = TimeSpan.FromSeconds(1 / options.Rate),
                        AckTimeout = options.AckTimeout,
                        MaxRetries = options.MaxRetries,
                        Seed = options.Seed,
                    },
                    log));
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        foreach (var scanner in _scanners)
        {
            scanner.Start([.. steps.Where(s => s.Scanner == 0 || s.Scanner == scanner.Id)]);
        }
    }

    /// <summary>The scanners, scanner1 first.</summary>
    public IReadOnlyList<SimulatedScanner> Scanners => _scanners;

    /// <summary>Completes when every scanner has played its steps.</summary>
    public Task Completion => Task.WhenAll(_scanners.Select(s => s.Completion));

    /// <summary>Stops every scanner and removes the ptys.</summary>
    public void Dispose()
    {
        foreach (var scanner in _scanners)
        {
            scanner.Dispose();
        }
    }

    private static void Validate(SerialSimulationOptions options, IReadOnlyList<ScenarioStep> steps) =>
        ScenarioChecks.Validate(options.Scanners, options.Rate, steps, step =>
        {
            if (step.Action == ScenarioAction.BadChecksum && options.Mode != ScannerMode.Ssi)
            {
                throw new ScenarioFormatException($"line {step.Line}: badchecksum needs --mode ssi (line mode has no checksum)");
            }
        });
}
