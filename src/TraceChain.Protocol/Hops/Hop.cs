namespace TraceChain.Protocol.Hops;

/// <summary>
/// One supply-chain hop: a device read one or more pack identifiers at a location and states what happened
/// (EPCIS 2.0 / CBV semantics). The signed form is <see cref="Signing.SignedHop"/>; the wire form and the
/// canonical bytes are defined in docs/protocol.md and produced by <see cref="HopCanonicalizer"/>.
/// </summary>
/// <param name="DeviceId">Scanner identity, 1-64 characters of <c>[A-Za-z0-9._:-]</c>.</param>
/// <param name="Counter">Per-device counter, strictly increasing; 0 .. 2^53-1 so JSON keeps it exact.</param>
/// <param name="EventTime">When the read happened, UTC (offset zero), millisecond precision.</param>
/// <param name="TimeZoneOffset">Local offset at the read point, <c>±hh:mm</c> (EPCIS eventTimeZoneOffset).</param>
/// <param name="BizStep">CBV business step.</param>
/// <param name="Disposition">CBV disposition after the hop.</param>
/// <param name="Location">GLN of the read point, 13 digits with a valid check digit.</param>
/// <param name="Identifiers">Canonical pack identifiers (see <see cref="PackIdentifier"/>), at least one, no duplicates.</param>
/// <param name="Parent">Parent container as <c>sscc:{18 digits}</c>; required for packing and unpacking.</param>
/// <param name="Source">GLN of the party goods come from (receiving), if known.</param>
/// <param name="Destination">GLN of the party goods go to (shipping), if known.</param>
/// <param name="Batch">Batch/lot as read from the code (AI 10), if any.</param>
/// <param name="Expiry">Expiry as read (AI 17, <c>YYMMDD</c>, day may be 00), if any.</param>
/// <param name="RawScan">The scanner's raw read including its symbology identifier, if kept.</param>
public sealed record Hop(
    string DeviceId,
    long Counter,
    DateTimeOffset EventTime,
    string TimeZoneOffset,
    BizStep BizStep,
    Disposition Disposition,
    string Location,
    IReadOnlyList<string> Identifiers,
    string? Parent = null,
    string? Source = null,
    string? Destination = null,
    string? Batch = null,
    string? Expiry = null,
    string? RawScan = null)
{
    /// <summary>Value equality, including the identifier list element by element.</summary>
    public bool Equals(Hop? other) =>
        other is not null
        && DeviceId == other.DeviceId
        && Counter == other.Counter
        && EventTime.UtcTicks == other.EventTime.UtcTicks
        && EventTime.Offset == other.EventTime.Offset
        && TimeZoneOffset == other.TimeZoneOffset
        && BizStep == other.BizStep
        && Disposition == other.Disposition
        && Location == other.Location
        && Identifiers.SequenceEqual(other.Identifiers, StringComparer.Ordinal)
        && Parent == other.Parent
        && Source == other.Source
        && Destination == other.Destination
        && Batch == other.Batch
        && Expiry == other.Expiry
        && RawScan == other.RawScan;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DeviceId, Counter, EventTime.UtcTicks, Identifiers.Count);
}
