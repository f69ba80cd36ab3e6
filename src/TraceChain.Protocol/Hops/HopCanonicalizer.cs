using System.Globalization;
using TraceChain.Protocol.Json;

namespace TraceChain.Protocol.Hops;

/// <summary>
/// The canonical bytes of a hop: RFC 8785 (JCS) of its JSON form, absent optional fields omitted. These bytes
/// are what a device signs and what verifiers recompute, so there is exactly one encoding per hop.
/// </summary>
public static class HopCanonicalizer
{
    /// <summary>The one spelling of <see cref="Hop.EventTime"/> on the wire (UTC, milliseconds, 'Z').</summary>
    public const string EventTimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    /// <summary>Canonical UTF-8 bytes of <paramref name="hop"/>; throws <see cref="ArgumentException"/> listing its problems when invalid.</summary>
    public static byte[] Canonicalize(Hop hop)
    {
        HopRules.Require(hop);
        var w = new CanonicalJsonWriter();
        w.StartObject();

        // Members in UTF-16 code-unit order, as RFC 8785 section 3.2.3 requires (a test checks this order).
        Optional(w, "batch", hop.Batch);
        w.PropertyName("bizStep");
        w.String(CbvVocabulary.ToWire(hop.BizStep));
        w.PropertyName("counter");
        w.Integer(hop.Counter);
        Optional(w, "destination", hop.Destination);
        w.PropertyName("deviceId");
        w.String(hop.DeviceId);
        w.PropertyName("disposition");
        w.String(CbvVocabulary.ToWire(hop.Disposition));
        w.PropertyName("eventTime");
        w.String(FormatEventTime(hop.EventTime));
        w.PropertyName("eventTimeZoneOffset");
        w.String(hop.TimeZoneOffset);
        Optional(w, "expiry", hop.Expiry);
        w.PropertyName("identifiers");
        w.StartArray();
        foreach (var id in hop.Identifiers)
        {
            w.String(id);
        }

        w.EndArray();
        w.PropertyName("location");
        w.String(hop.Location);
        Optional(w, "parent", hop.Parent);
        Optional(w, "rawScan", hop.RawScan);
        Optional(w, "source", hop.Source);
        w.EndObject();
        return w.ToArray();
    }

    /// <summary>The wire spelling of an event time, e.g. <c>2026-11-22T01:30:00.000Z</c>.</summary>
    public static string FormatEventTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(EventTimeFormat, CultureInfo.InvariantCulture);

    private static void Optional(CanonicalJsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.PropertyName(name);
            w.String(value);
        }
    }
}
