namespace ScannerAgent.Demo;

/// <summary>A party of the demo and the agent (device) at its site.</summary>
/// <param name="Gln">The party's GLN (also the agent's location).</param>
/// <param name="Name">Display name.</param>
/// <param name="Role">manufacturer, distributor or pharmacy.</param>
/// <param name="DeviceId">The agent at its site.</param>
public sealed record DemoParty(string Gln, string Name, string Role, string DeviceId);
