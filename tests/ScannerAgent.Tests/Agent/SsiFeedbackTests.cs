using System.Text;
using FirmwareSim.Scenarios;
using FirmwareSim.Serial;
using ScannerAgent.Agent;
using ScannerAgent.Configuration;
using ScannerAgent.Tests.Support;
using TraceChain.Protocol.Scanning;
using TraceChain.Serial.Scanning;

namespace ScannerAgent.Tests.Agent;

/// <summary>An SSI scanner emulated by firmware-sim (which ACKs host commands and records them).</summary>
public sealed class SsiFeedbackTests
{
    [Fact]
    public async Task SsiDispenseScanner_HearsStoredBeep_ThenVerdictBeep_AndInvalidScanGetsErrorBeep()
    {
        await using var chain = await AgentHarness.CreateAsync();
        using var sim = new SimulatedScanner(new SimulatedScannerOptions(1, Path.Combine(chain.Directory, "sim-ssi"), ScannerMode.Ssi) { Interval = TimeSpan.FromMilliseconds(50) }, _ => { });
        chain.Settings.Scanners.Add(new ScannerSettings { Name = "counter", Port = sim.LinkPath, Mode = "ssi", Baud = 115200, Workflow = "dispense" });
        await chain.StartAgentAsync();
        sim.Start(
        [
            new ScenarioStep(0, 1, null, ScenarioAction.Scan, Encoding.Latin1.GetBytes(TestCodes.Pack("S0001")), 1, TimeSpan.Zero),
            new ScenarioStep(0, 1, TimeSpan.FromMilliseconds(300), ScenarioAction.Scan, Encoding.Latin1.GetBytes($"]d201{TestCodes.Gtin}10ABCDEFGHIJKLMNOP2112345678"), 1, TimeSpan.Zero),
        ]);

        await chain.WaitForLedgerHopsAsync(1);
        await Wait.UntilAsync(() => sim.Feedback.Count(f => f.Opcode == SsiOpcode.Beep) >= 3, TimeSpan.FromSeconds(10), () => "three beeps\n" + chain.Log);
        var beeps = sim.Feedback.Where(f => f.Opcode == SsiOpcode.Beep).Select(f => f.Argument).ToList();
        Assert.Contains(ScannerWorker.StoredBeep, beeps);
        Assert.Contains(ScannerWorker.AcceptedBeep, beeps);
        Assert.Contains(ScannerWorker.ErrorBeep, beeps);
        Assert.True(beeps.IndexOf(ScannerWorker.StoredBeep) < beeps.IndexOf(ScannerWorker.AcceptedBeep), string.Join(",", beeps));
        Assert.False(chain.Log.Has("not acknowledged"), chain.Log.ToString());
    }
}
