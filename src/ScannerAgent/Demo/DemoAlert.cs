namespace ScannerAgent.Demo;

/// <summary>Something the chain shows is wrong with a pack.</summary>
/// <param name="Kind">counterfeit, cloned or diverted.</param>
/// <param name="Identifier">The pack.</param>
/// <param name="Detail">What the history shows.</param>
public sealed record DemoAlert(string Kind, string Identifier, string Detail);
