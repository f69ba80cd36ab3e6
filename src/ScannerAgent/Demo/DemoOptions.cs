namespace ScannerAgent.Demo;

/// <summary>How to run the demo.</summary>
/// <param name="Directory">An empty or new folder for the ledger, keys, outboxes, pty links and logs.</param>
/// <param name="Urls">Where the ledger listens (port 0 picks a free one).</param>
/// <param name="Rate">Scans per second per simulated scanner.</param>
/// <param name="ExitWhenDone">Stop after the scenario instead of running until Ctrl-C.</param>
/// <param name="PhaseTimeout">Longest wait for one phase's hops to be settled.</param>
public sealed record DemoOptions(string Directory, string Urls, double Rate, bool ExitWhenDone, TimeSpan PhaseTimeout);
