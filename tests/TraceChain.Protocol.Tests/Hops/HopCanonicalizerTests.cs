using System.Text;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Json;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Hops;

public sealed class HopCanonicalizerTests
{
    [Fact]
    public void Canonicalize_ShippingHop_GivesDocumentedBytes()
    {
        const string expected =
            "{\"batch\":\"L2301\",\"bizStep\":\"shipping\",\"counter\":42,\"destination\":\"6951234567897\",\"deviceId\":\"scanner-07\","
            + "\"disposition\":\"in_transit\",\"eventTime\":\"2026-11-22T01:30:15.123Z\",\"eventTimeZoneOffset\":\"+08:00\",\"expiry\":\"271231\","
            + "\"identifiers\":[\"gtin:09506000134352:ser:A1B2C3D4E5\"],\"location\":\"9506000134376\","
            + "\"rawScan\":\"]d2010950600013435221A1B2C3D4E5\\u001d10L2301\\u001d17271231\"}";
        Assert.Equal(expected, Encoding.UTF8.GetString(HopCanonicalizer.Canonicalize(SampleHops.Shipping())));
    }

    [Fact]
    public void Canonicalize_EveryFieldSet_MembersAreInRfc8785Order()
    {
        var hop = SampleHops.Packing() with { Source = SampleHops.Source, Destination = SampleHops.Destination };
        var bytes = HopCanonicalizer.Canonicalize(hop);
        Assert.Equal(bytes, CanonicalJson.Canonicalize(bytes));
    }

    [Fact]
    public void Canonicalize_AbsentOptionalFields_AreOmittedNotNull()
    {
        var hop = SampleHops.Shipping() with { Batch = null, Expiry = null, RawScan = null, Destination = null };
        var text = Encoding.UTF8.GetString(HopCanonicalizer.Canonicalize(hop));
        Assert.DoesNotContain("null", text, StringComparison.Ordinal);
        Assert.DoesNotContain("batch", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_InvalidHop_ThrowsListingEveryProblem()
    {
        var hop = SampleHops.Shipping() with { Location = "9506000134377", Counter = -1 };
        var error = Assert.Throws<ArgumentException>(() => HopCanonicalizer.Canonicalize(hop));
        Assert.Contains("location GLN '9506000134377' has a wrong check digit", error.Message, StringComparison.Ordinal);
        Assert.Contains("counter -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CanonicalBytes_RoundTripsToEqualHop()
    {
        var hop = SampleHops.Packing() with { Source = SampleHops.Source };
        Assert.Equal(hop, HopJson.Parse(HopCanonicalizer.Canonicalize(hop)));
    }

    [Fact]
    public void Parse_ReorderedPrettyJson_CanonicalisesToSameBytes()
    {
        var pretty = """
            {
              "identifiers": [ "gtin:09506000134352:ser:A1B2C3D4E5" ],
              "eventTimeZoneOffset": "+08:00",
              "counter": 42,
              "deviceId": "scanner-07",
              "location": "9506000134376",
              "eventTime": "2026-11-22T01:30:15.123Z",
              "disposition": "in_transit",
              "bizStep": "shipping",
              "destination": "6951234567897",
              "batch": "L2301",
              "expiry": "271231",
              "rawScan": "]d2010950600013435221A1B2C3D4E5\u001d10L2301\u001D17271231"
            }
            """;
        Assert.Equal(HopCanonicalizer.Canonicalize(SampleHops.Shipping()), HopCanonicalizer.Canonicalize(HopJson.Parse(Encoding.UTF8.GetBytes(pretty))));
    }

    [Theory]
    [InlineData("\"color\":\"red\"", "unknown member 'color'")]
    [InlineData("\"counter\":42", "member 'counter' twice")]
    [InlineData("\"parent\":null", "'parent' must be a string, not Null")]
    [InlineData("\"source\":7", "'source' must be a string")]
    public void Parse_BadMember_NamesIt(string extraMember, string problem)
    {
        var json = Encoding.UTF8.GetString(HopCanonicalizer.Canonicalize(SampleHops.Shipping()))[..^1] + "," + extraMember + "}";
        var error = Assert.Throws<FormatException>(() => HopJson.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"counter\":42", "\"counter\":42.5", "'counter' must be an integer")]
    [InlineData("\"counter\":42", "\"counter\":\"42\"", "'counter' is required and must be a number")]
    [InlineData("\"eventTime\":\"2026-11-22T01:30:15.123Z\"", "\"eventTime\":\"2026-11-22T09:30:15.123+08:00\"", "must be UTC as yyyy-MM-ddTHH:mm:ss.fffZ")]
    [InlineData("\"eventTime\":\"2026-11-22T01:30:15.123Z\"", "\"eventTime\":\"2026-11-22T01:30:15Z\"", "must be UTC")]
    [InlineData("\"bizStep\":\"shipping\"", "\"bizStep\":\"Shipping\"", "bizStep 'Shipping' is not a supported CBV business step")]
    [InlineData("\"disposition\":\"in_transit\"", "\"disposition\":\"lost\"", "disposition 'lost'")]
    [InlineData("\"eventTimeZoneOffset\":\"+08:00\"", "\"eventTimeZoneOffset\":\"+8:00\"", "eventTimeZoneOffset '+8:00'")]
    [InlineData("\"deviceId\":\"scanner-07\",", "", "'deviceId' is required")]
    [InlineData("[\"gtin:09506000134352:ser:A1B2C3D4E5\"]", "[]", "at least one pack identifier")]
    [InlineData("[\"gtin:09506000134352:ser:A1B2C3D4E5\"]", "[\"gtin:09506000134353:ser:A1B2C3D4E5\"]", "GTIN check digit is wrong")]
    [InlineData("[\"gtin:09506000134352:ser:A1B2C3D4E5\"]", "[\"gtin:09506000134352:ser:A1B2C3D4E5\",\"gtin:09506000134352:ser:A1B2C3D4E5\"]", "listed twice")]
    [InlineData("\"expiry\":\"271231\"", "\"expiry\":\"271331\"", "expiry '271331'")]
    public void Parse_InvalidValue_NamesTheProblem(string valid, string invalid, string problem)
    {
        var json = Encoding.UTF8.GetString(HopCanonicalizer.Canonicalize(SampleHops.Shipping())).Replace(valid, invalid, StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => HopJson.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_ReportsJsonError()
    {
        Assert.Contains("not valid JSON", Assert.Throws<FormatException>(() => HopJson.Parse("{\"deviceId\":"u8)).Message, StringComparison.Ordinal);
        Assert.Contains("must be a JSON object", Assert.Throws<FormatException>(() => HopJson.Parse("[1]"u8)).Message, StringComparison.Ordinal);
    }
}
