namespace ScannerAgent.Demo;

/// <summary>What the demo did.</summary>
/// <param name="Scans">Scans played.</param>
/// <param name="Accepted">Hops the ledger holds.</param>
/// <param name="Refused">Hops the ledger refused.</param>
/// <param name="Pending">Hops still in outboxes.</param>
/// <param name="Alerts">Alerts the chain raised.</param>
/// <param name="GenuineUrl">History page of a genuine pack.</param>
/// <param name="FakeUrl">History page of the counterfeit.</param>
public sealed record DemoResult(int Scans, long Accepted, long Refused, long Pending, IReadOnlyList<DemoAlert> Alerts, string GenuineUrl, string FakeUrl);
