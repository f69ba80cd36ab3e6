using TraceChain.Protocol.Hops;

namespace ScannerAgent.Demo;

/// <summary>
/// Pure: what a pack's ledger history says about a new hop. The demo's stand-in for the ledger's pack rules
/// (pack lifecycle): an item never commissioned is a possible counterfeit (EU FMD alert A3, unknown serial), a
/// second dispensing is a clone (A7, already in that state), a receipt where the last shipment was not addressed
/// is a diversion.
/// </summary>
public static class ChainChecker
{
    /// <summary>Alerts raised by <paramref name="hop"/> given the hops logged before it for the same item (any order).</summary>
    public static IReadOnlyList<DemoAlert> Check(Hop hop, IReadOnlyList<Hop> earlier)
    {
        ArgumentNullException.ThrowIfNull(hop);
        ArgumentNullException.ThrowIfNull(earlier);
        var id = hop.Identifiers[0];
        var alerts = new List<DemoAlert>();
        if (hop.BizStep != BizStep.Commissioning && !earlier.Any(h => h.BizStep == BizStep.Commissioning))
        {
            alerts.Add(new DemoAlert("counterfeit", id, $"{CbvVocabulary.ToWire(hop.BizStep)} at {hop.Location}: serial never commissioned (unknown serial, possible counterfeit)"));
        }

        if (hop.BizStep == BizStep.Dispensing && earlier.FirstOrDefault(h => h.BizStep == BizStep.Dispensing) is { } first)
        {
            alerts.Add(new DemoAlert("cloned", id, $"dispensed at {hop.Location} but already dispensed at {first.Location} on {first.EventTime:u}"));
        }

        if (hop.BizStep == BizStep.Receiving
            && earlier.Where(h => h.BizStep == BizStep.Shipping).OrderByDescending(h => h.EventTime).FirstOrDefault() is { Destination: { } to }
            && to != hop.Location)
        {
            alerts.Add(new DemoAlert("diverted", id, $"shipped to {to} but received at {hop.Location}"));
        }

        return alerts;
    }
}
