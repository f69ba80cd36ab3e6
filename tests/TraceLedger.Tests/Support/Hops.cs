using TraceChain.Protocol.Hops;

namespace TraceLedger.Tests.Support;

/// <summary>Valid hops for tests.</summary>
internal static class Hops
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static Hop Make(string deviceId, long counter, int pack) => new(
        deviceId,
        counter,
        Start.AddSeconds(counter),
        "+08:00",
        BizStep.Receiving,
        Disposition.InProgress,
        Gs1.Gln(1),
        [PackIdentifier.ForGtinSerial(Gs1.Gtin(pack % 1000), $"S{pack}")]);
}
