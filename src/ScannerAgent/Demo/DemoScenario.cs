using TraceChain.Protocol.Gs1;
using TraceLedger.Packs;

namespace ScannerAgent.Demo;

/// <summary>
/// The supply-chain day the demo plays: a manufacturer commissions a batch of 12 packs (through the ledger's
/// commissioning service) and ships them, a distributor receives them and ships half to each of two pharmacies,
/// the pharmacies receive and dispense. Three things go wrong on purpose: a counterfeit with a serial nobody
/// commissioned, a cloned pack (a genuine serial dispensed a second time elsewhere, after its first dispense) and
/// a diverted pack (shipped to pharmacy 1, received by pharmacy 2). The ledger refuses exactly those three hops.
/// </summary>
public static class DemoScenario
{
    /// <summary>The product of every pack (GS1 example GTIN).</summary>
    public const string Gtin = "09506000134352";

    /// <summary>The manufacturer's GS1 company prefix (the GTIN-13 inside <see cref="Gtin"/> starts with it).</summary>
    public const string CompanyPrefix = "9506000";

    /// <summary>The batch (AI 10).</summary>
    public const string Lot = "LOT42";

    /// <summary>The batch's expiry (AI 17, YYMMDD).</summary>
    public const string Expiry = "271231";

    /// <summary>A pack that goes through the chain without trouble and is on the shelf at pharmacy 1 (active).</summary>
    public const string GenuineSerial = "G0004";

    /// <summary>The counterfeit's serial: never commissioned.</summary>
    public const string CounterfeitSerial = "F9999";

    /// <summary>The pack that is dispensed twice.</summary>
    public const string ClonedSerial = "G0001";

    /// <summary>The pack shipped to pharmacy 1 and received by pharmacy 2.</summary>
    public const string DivertedSerial = "G0006";

    /// <summary>Phase names, in order.</summary>
    public static IReadOnlyList<string> Phases { get; } =
    [
        "manufacturer ships to the distributor",
        "distributor receives",
        "distributor ships to the pharmacies",
        "pharmacies receive",
        "pharmacies dispense",
        "a clone of a dispensed pack turns up at Hillside Pharmacy",
    ];

    /// <summary>Manufacturer, distributor and two pharmacies, each with one agent.</summary>
    public static IReadOnlyList<DemoParty> Parties { get; } =
    [
        new(Gln(1), "Acme Pharma (manufacturer)", "manufacturer", "mfr-line-1"),
        new(Gln(2), "Central Distribution (distributor)", "distributor", "dc-dock-1"),
        new(Gln(3), "Riverside Pharmacy", "pharmacy", "pharmacy-1"),
        new(Gln(4), "Hillside Pharmacy", "pharmacy", "pharmacy-2"),
    ];

    /// <summary>The alerts the ledger must raise, one per planted problem (each also a refused hop).</summary>
    public static IReadOnlyList<(AlertCode Code, string Identifier)> PlantedAlerts { get; } =
    [
        (AlertCode.UnknownSerial, PackId(CounterfeitSerial)),
        (AlertCode.SecondDispense, PackId(ClonedSerial)),
        (AlertCode.Diversion, PackId(DivertedSerial)),
    ];

    /// <summary>The product.</summary>
    public static ProductData Product { get; } = new("Amoxicillin", "500 mg", "capsule", 21);

    /// <summary>The serials the manufacturer commissions.</summary>
    public static IReadOnlyList<string> Commissioned { get; } = Serials(1, 12);

    /// <summary>Every scanner with its phase and scans.</summary>
    public static IReadOnlyList<DemoScanner> Scanners { get; } = Build();

    /// <summary>Number of scans (all valid, so also hops) in phases 0..<paramref name="phase"/>.</summary>
    public static int ScansThrough(int phase) => Scanners.Where(s => s.Phase <= phase).Sum(s => s.Serials.Count);

    /// <summary>A GS1 DataMatrix read of a pack (AIM ]d2, GS as 0x1D).</summary>
    public static string Scan(string serial) => $"]d201{Gtin}17{Expiry}10{Lot}\u001d21{serial}";

    /// <summary>The GS1 Digital Link of a pack on the resolver at <paramref name="origin"/> (the gateway's consumer page).</summary>
    public static string DigitalLink(string origin, string serial) => $"{origin}/01/{Gtin}/10/{Lot}/21/{serial}?17={Expiry}";

    /// <summary>The pack's canonical identifier.</summary>
    public static string PackId(string serial) => $"gtin:{Gtin}:ser:{serial}";

    /// <summary>A demo GLN with a valid check digit.</summary>
    public static string Gln(int n) => CheckDigit.Append($"609876{n:D6}");

    private static List<DemoScanner> Build()
    {
        var all = Serials(1, 12);
        var (mfr, dc, p1, p2) = (Parties[0], Parties[1], Parties[2], Parties[3]);

        // The clone is scanned in a phase of its own so that the genuine dispense at pharmacy 1 is always first.
        return
        [
            new(mfr.DeviceId, "mfr-ship", "line", "ship", dc.Gln, 0, all),
            new(dc.DeviceId, "dc-receive", "ssi", "receive", null, 1, all),
            new(dc.DeviceId, "dc-ship-p1", "line", "ship", p1.Gln, 2, Serials(1, 6)),
            new(dc.DeviceId, "dc-ship-p2", "line", "ship", p2.Gln, 2, Serials(7, 12)),
            new(p1.DeviceId, "p1-receive", "line", "receive", null, 3, Serials(1, 5)),
            new(p2.DeviceId, "p2-receive", "line", "receive", null, 3, [.. Serials(7, 12), DivertedSerial]),
            new(p1.DeviceId, "p1-counter", "ssi", "dispense", null, 4, [ClonedSerial, "G0002", "G0003", CounterfeitSerial]),
            new(p2.DeviceId, "p2-counter", "ssi", "dispense", null, 4, ["G0007", "G0008"]),
            new(p2.DeviceId, "p2-counter-2", "line", "dispense", null, 5, [ClonedSerial]),
        ];
    }

    private static List<string> Serials(int first, int last) =>
        Enumerable.Range(first, last - first + 1).Select(n => $"G{n:D4}").ToList();
}
