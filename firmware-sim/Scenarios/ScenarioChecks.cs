namespace FirmwareSim.Scenarios;

/// <summary>
/// What every simulation checks before it starts: at least one scanner, a positive rate, and steps that each name a
/// simulated scanner and suit the transport (<paramref name="checkTransport"/> throws for a step it cannot play).
/// </summary>
internal static class ScenarioChecks
{
    public static void Validate(int scanners, double rate, IReadOnlyList<ScenarioStep> steps, Action<ScenarioStep> checkTransport)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(checkTransport);
        if (scanners < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(scanners), scanners, "at least one scanner");
        }

        if (rate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "rate must be positive");
        }

        foreach (var step in steps)
        {
            if (step.Scanner > scanners)
            {
                throw new ScenarioFormatException($"line {step.Line}: scanner {step.Scanner} but only {scanners} scanner(s) are simulated");
            }

            checkTransport(step);
        }
    }
}
