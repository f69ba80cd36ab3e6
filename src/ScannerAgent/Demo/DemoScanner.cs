namespace ScannerAgent.Demo;

/// <summary>One scanner of the demo: which agent owns it, how it talks, what it does, when and which packs it scans.</summary>
/// <param name="Agent">Device id of the owning agent.</param>
/// <param name="Name">Scanner name.</param>
/// <param name="Mode">line or ssi.</param>
/// <param name="Workflow">Scanner workflow.</param>
/// <param name="Destination">Destination GLN for ship scanners.</param>
/// <param name="Phase">Index of the phase in which it scans.</param>
/// <param name="Serials">The serials it scans, in order.</param>
public sealed record DemoScanner(string Agent, string Name, string Mode, string Workflow, string? Destination, int Phase, IReadOnlyList<string> Serials);
