using System.Globalization;
using ScannerAgent.Configuration;
using TraceChain.Protocol.Hops;

namespace ScannerAgent.Hops;

/// <summary>Pure: the hop a valid scan makes for its scanner's workflow (CBV business step and disposition).</summary>
public static class HopBuilder
{
    /// <summary>Largest raw scan kept in a hop; longer reads keep only the identifier.</summary>
    public const int MaxRawScan = HopRules.MaxRawScanLength;

    /// <summary>The CBV business step and disposition of a workflow.</summary>
    public static (BizStep Step, Disposition Disposition) StepOf(Workflow workflow) => workflow switch
    {
        Workflow.Commission => (BizStep.Commissioning, Disposition.Active),
        Workflow.Receive => (BizStep.Receiving, Disposition.SellableNotAccessible),
        Workflow.Ship => (BizStep.Shipping, Disposition.InTransit),
        Workflow.Pack => (BizStep.Packing, Disposition.InProgress),
        Workflow.Dispense => (BizStep.Dispensing, Disposition.Dispensed),

        // A check at a counter or dock leaves the pack where it is and sellable.
        Workflow.Verify => (BizStep.Inspecting, Disposition.SellableAccessible),
        _ => throw new ArgumentOutOfRangeException(nameof(workflow), workflow, "unknown workflow"),
    };

    /// <summary>Builds the hop; the time is truncated to milliseconds and stored as UTC with the local offset beside it.</summary>
    public static Hop Build(string deviceId, string location, ScannerSetup scanner, ScanReading reading, long counter, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(zone);
        if (!reading.IsValid)
        {
            throw new ArgumentException($"an invalid scan makes no hop: {reading.Problem}", nameof(reading));
        }

        var (step, disposition) = StepOf(scanner.Workflow);
        var utc = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return new Hop(
            deviceId,
            counter,
            utc,
            Offset(zone.GetUtcOffset(utc)),
            step,
            disposition,
            location,
            [reading.Identifier!],
            Parent: scanner.Workflow == Workflow.Pack ? scanner.Parent : null,
            Source: scanner.Workflow == Workflow.Receive ? scanner.Source : null,
            Destination: scanner.Workflow == Workflow.Ship ? scanner.Destination : null,
            Batch: reading.Batch,
            Expiry: reading.Expiry,
            RawScan: reading.RawScan.Length <= MaxRawScan ? reading.RawScan : null);
    }

    /// <summary>EPCIS eventTimeZoneOffset spelling, e.g. <c>+08:00</c>.</summary>
    public static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
