using TraceLedger.Packs;

namespace ScannerAgent.Demo;

/// <summary>What the demo did.</summary>
/// <param name="Scans">Scans played.</param>
/// <param name="Accepted">Hops the ledger holds.</param>
/// <param name="Refused">Hops the ledger's pack rules refused (each with a receipt naming the reason).</param>
/// <param name="Pending">Hops still in outboxes.</param>
/// <param name="Alerts">Alerts the ledger raised, oldest first.</param>
/// <param name="GenuineUrl">The gateway's consumer page (GS1 Digital Link) of a genuine pack.</param>
/// <param name="FakeUrl">The gateway's consumer page of the counterfeit.</param>
public sealed record DemoResult(
    int Scans,
    long Accepted,
    long Refused,
    long Pending,
    IReadOnlyList<Alert> Alerts,
    string GenuineUrl,
    string FakeUrl)
{
    /// <summary>
    /// Every scan got a receipt and the ledger refused and alerted exactly the planted problems
    /// (<see cref="DemoScenario.PlantedAlerts"/>), nothing else.
    /// </summary>
    public bool AsPlanned =>
        Pending == 0
        && Accepted + Refused == Scans
        && Refused == DemoScenario.PlantedAlerts.Count
        && Alerts.Select(a => (a.Code, a.Identifier ?? "")).Order().SequenceEqual(DemoScenario.PlantedAlerts.Order());
}
