using System.Text;
using ScannerAgent.Tests.Support;
using TraceChain.Protocol.Scanning;
using TraceChain.Protocol.Signing;

namespace ScannerAgent.Tests.Agent;

/// <summary>Real ptys, the real outbox file and a real ledger over HTTP.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task NScans_BecomeExactlyNHopsInTheLedger_WithCountersOneToN()
    {
        await using var chain = await AgentHarness.CreateAsync(AgentHarness.Line(), AgentHarness.Line("ship", TestCodes.Gln(2)));
        await chain.StartAgentAsync();
        for (var i = 0; i < 30; i++)
        {
            chain.Scanners[i % 2].SendLine(TestCodes.Pack($"S{i:D4}"));
        }

        await chain.WaitForLedgerHopsAsync(30);
        var hops = await chain.Ledger.HopsAsync(AgentHarness.DeviceId);
        Assert.Equal(30, hops.Count);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long?)i), hops.Select(h => h.Counter));
        var packs = hops.Select(h => SignedHop.Parse(h.EntryBytes).Hop).ToList();
        Assert.Equal(30, packs.Select(h => h.Identifiers[0]).Distinct().Count());
        Assert.Contains(packs, h => h.Destination == TestCodes.Gln(2) && h.Identifiers[0] == TestCodes.PackId("S0001"));
        Assert.All(packs.Where(p => p.Destination is null), p => Assert.Equal("LOT42", p.Batch));
        await Wait.UntilAsync(() => chain.Scanners[0].ReceivedText().Contains("OK #", StringComparison.Ordinal), TimeSpan.FromSeconds(5), () => "OK line on the scanner");
        await Wait.UntilAsync(() => chain.Runner!.Outbox.Counts()["pending"] == 0, TimeSpan.FromSeconds(5), () => "outbox drained");
    }

    [Fact]
    public async Task LedgerStoppedMidRun_NothingLostNoDuplicates_AfterRestart()
    {
        await using var chain = await AgentHarness.CreateAsync(AgentHarness.Line());
        await chain.StartAgentAsync();
        for (var i = 0; i < 10; i++)
        {
            chain.Scanners[0].SendLine(TestCodes.Pack($"A{i:D4}"));
        }

        await chain.WaitForLedgerHopsAsync(10);
        await chain.Ledger.StopAsync();
        for (var i = 10; i < 25; i++)
        {
            chain.Scanners[0].SendLine(TestCodes.Pack($"A{i:D4}"));
        }

        // Stored and acknowledged while the ledger is down, then kept.
        await Wait.UntilAsync(() => chain.Runner!.Outbox.Counts()["pending"] == 15, TimeSpan.FromSeconds(10), () => "15 pending\n" + chain.Log);
        await Wait.UntilAsync(() => chain.Log.Has("kept in the outbox"), TimeSpan.FromSeconds(10), () => "retry logged");
        await chain.Ledger.StartAsync();
        await chain.WaitForLedgerHopsAsync(25);
        await Wait.UntilAsync(() => chain.Runner!.Outbox.Counts()["pending"] == 0, TimeSpan.FromSeconds(10), () => "outbox drained");
        var counters = (await chain.Ledger.HopsAsync(AgentHarness.DeviceId)).Select(h => h.Counter).ToList();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long?)i), counters);
        Assert.True(chain.Log.Has("gateway is back"), chain.Log.ToString());
    }

    [Fact]
    public async Task AgentRestarted_CounterContinues_AndOutboxResumes()
    {
        await using var chain = await AgentHarness.CreateAsync(AgentHarness.Line());
        await chain.StartAgentAsync();
        for (var i = 0; i < 5; i++)
        {
            chain.Scanners[0].SendLine(TestCodes.Pack($"R{i:D4}"));
        }

        await chain.WaitForLedgerHopsAsync(5);

        // Hops stored while the ledger is down survive an agent restart and go up afterwards.
        await chain.Ledger.StopAsync();
        for (var i = 5; i < 8; i++)
        {
            chain.Scanners[0].SendLine(TestCodes.Pack($"R{i:D4}"));
        }

        await Wait.UntilAsync(() => chain.Runner!.Outbox.Counts()["pending"] == 3, TimeSpan.FromSeconds(10), () => "3 pending\n" + chain.Log);
        await chain.StopAgentAsync();
        await chain.Ledger.StartAsync();
        await chain.StartAgentAsync();
        Assert.Contains(chain.Log.Lines, l => l.Contains("next counter 9", StringComparison.Ordinal));
        for (var i = 8; i < 10; i++)
        {
            chain.Scanners[0].SendLine(TestCodes.Pack($"R{i:D4}"));
        }

        await chain.WaitForLedgerHopsAsync(10);
        var counters = (await chain.Ledger.HopsAsync(AgentHarness.DeviceId)).Select(h => h.Counter).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long?)i), counters);
    }

    [Fact]
    public async Task SerialNoise_NoCrash_ClearLogLine_AndLaterScansStillCount()
    {
        await using var chain = await AgentHarness.CreateAsync(AgentHarness.Ssi(), AgentHarness.Line());
        await chain.StartAgentAsync();
        var frame = SsiCodec.Encode(SsiFrame.DecodeData(0x1B, Encoding.Latin1.GetBytes(TestCodes.Pack("N0001"))));
        var badChecksum = (byte[])frame.Clone();
        badChecksum[^1] ^= 0x55;
        chain.Scanners[0].Send([0xFF, 0x00, 0x13, 0x37, 0x02]);
        chain.Scanners[0].Send(badChecksum);
        chain.Scanners[0].Send(frame);
        chain.Scanners[1].Send(Encoding.ASCII.GetBytes(new string('x', 5000) + "\r\n"));
        chain.Scanners[1].SendLine(TestCodes.Pack("N0002"));

        await chain.WaitForLedgerHopsAsync(2);
        await Wait.UntilAsync(() => chain.Log.Lines.Count(l => l.Contains("noise on", StringComparison.Ordinal)) >= 2, TimeSpan.FromSeconds(5), () => "noise logged\n" + chain.Log);
        Assert.Equal(2, (await chain.Ledger.HopsAsync(AgentHarness.DeviceId)).Count);
    }

    [Fact]
    public async Task InvalidScan_IsNoHop_LogsTheDiagnosis_AndTellsTheScanner()
    {
        await using var chain = await AgentHarness.CreateAsync(AgentHarness.Line());
        await chain.StartAgentAsync();

        // The GS after the batch was swallowed by the scanner: the serial runs into the batch.
        chain.Scanners[0].SendLine($"]d201{TestCodes.Gtin}10ABCDEFGHIJKLMNOP2112345678");
        chain.Scanners[0].SendLine(TestCodes.Pack("V0001"));
        await chain.WaitForLedgerHopsAsync(1);
        await Wait.UntilAsync(() => chain.Scanners[0].ReceivedText().Contains("ERR ", StringComparison.Ordinal), TimeSpan.FromSeconds(5), () => "ERR line");
        Assert.Contains(chain.Log.Lines, l => l.Contains("invalid scan", StringComparison.Ordinal) && l.Contains("Likely cause", StringComparison.Ordinal));
        Assert.Single(await chain.Ledger.HopsAsync(AgentHarness.DeviceId));
        Assert.Equal(1, chain.Runner!.Workers[0].Invalid);
    }

    [Fact]
    public async Task DispenseScanner_GetsTheLedgerVerdict_OnTheLineAndTheConsole()
    {
        await using var chain = await AgentHarness.CreateAsync(AgentHarness.Line("dispense"));
        await chain.StartAgentAsync();
        chain.Scanners[0].SendLine(TestCodes.Pack("D0001"));
        await Wait.UntilAsync(() => chain.Scanners[0].ReceivedText().Contains("VERDICT", StringComparison.Ordinal), TimeSpan.FromSeconds(10), () => "verdict line\n" + chain.Log);
        Assert.Contains($"VERDICT {TestCodes.PackId("D0001")}: accepted", chain.Scanners[0].ReceivedText(), StringComparison.Ordinal);
        Assert.True(chain.Log.Has("VERDICT"), chain.Log.ToString());
    }
}
