using FirmwareSim.Scenarios;

namespace FirmwareSim.Tests.Scenarios;

public sealed class ScenarioChecksTests
{
    private static readonly ScenarioStep ScanByScanner3 = new(7, 3, null, ScenarioAction.Scan, [0x41], 1, TimeSpan.Zero);

    [Fact]
    public void Validate_AStepForAScannerNotSimulated_NamesItsLine()
    {
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioChecks.Validate(2, 10, [ScanByScanner3], _ => { }));
        Assert.Equal("line 7: scanner 3 but only 2 scanner(s) are simulated", error.Message);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 0)]
    public void Validate_NoScannerOrNoRate_IsRefused(int scanners, double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioChecks.Validate(scanners, rate, [], _ => { }));

    [Fact]
    public void Validate_AsksTheTransportAboutEveryStep()
    {
        var seen = new List<int>();
        ScenarioChecks.Validate(3, 10, [ScanByScanner3, ScanByScanner3 with { Line = 8 }], step => seen.Add(step.Line));
        Assert.Equal([7, 8], seen);
    }
}
