using TraceChain.Protocol.Hops;

namespace TraceChain.Protocol.Tests.Support;

/// <summary>Valid hops built from GS1 example numbers with correct check digits.</summary>
internal static class SampleHops
{
    public const string Gtin = "09506000134352";
    public const string Location = "9506000134376";
    public const string Destination = "6951234567897";
    public const string Source = "6951234000011";
    public const string Sscc = "006951234500000001";

    public static Hop Shipping(long counter = 42) => new(
        DeviceId: "scanner-07",
        Counter: counter,
        EventTime: new DateTimeOffset(2026, 11, 22, 1, 30, 15, 123, TimeSpan.Zero),
        TimeZoneOffset: "+08:00",
        BizStep: BizStep.Shipping,
        Disposition: Disposition.InTransit,
        Location: Location,
        Identifiers: [PackIdentifier.ForGtinSerial(Gtin, "A1B2C3D4E5")],
        Destination: Destination,
        Batch: "L2301",
        Expiry: "271231",
        RawScan: "]d2010950600013435221A1B2C3D4E5\u001d10L2301\u001d17271231");

    public static Hop Packing() => Shipping() with
    {
        BizStep = BizStep.Packing,
        Disposition = Disposition.InProgress,
        Identifiers = [PackIdentifier.ForGtinSerial(Gtin, "S1"), PackIdentifier.ForGtinSerial(Gtin, "S2")],
        Parent = PackIdentifier.ForSscc(Sscc),
        Destination = null,
    };
}
