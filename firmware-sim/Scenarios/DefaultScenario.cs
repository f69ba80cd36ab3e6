using System.Globalization;
using System.Text;

namespace FirmwareSim.Scenarios;

/// <summary>The scenario used without --scenario: each scanner scans <c>count</c> distinct GS1 DataMatrix codes at the --rate pace.</summary>
public static class DefaultScenario
{
    /// <summary>Builds the steps.</summary>
    public static IReadOnlyList<ScenarioStep> Create(int scanners, int count)
    {
        var steps = new List<ScenarioStep>();
        for (var n = 1; n <= count; n++)
        {
            for (var s = 1; s <= scanners; s++)
            {
                var code = string.Create(CultureInfo.InvariantCulture, $"]d2010950600013435221S{s:D2}{n:D6}\u001d10LOT42");
                steps.Add(new ScenarioStep(0, s, null, ScenarioAction.Scan, Encoding.Latin1.GetBytes(code), 1, TimeSpan.Zero));
            }
        }

        return steps;
    }
}
