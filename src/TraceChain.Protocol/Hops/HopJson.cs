using System.Globalization;
using System.Text.Json;

namespace TraceChain.Protocol.Hops;

/// <summary>
/// Reads the JSON form of a hop (any member order and whitespace; canonical bytes are one instance of it).
/// Strict: unknown or duplicate members, wrong types and rule violations are errors that name the field.
/// </summary>
public static class HopJson
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "batch", "bizStep", "counter", "destination", "deviceId", "disposition", "eventTime",
        "eventTimeZoneOffset", "expiry", "identifiers", "location", "parent", "rawScan", "source",
    };

    /// <summary>Parses a UTF-8 JSON hop; throws <see cref="FormatException"/> naming the problem.</summary>
    public static Hop Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray());
            return FromElement(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Hop is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Reads a hop from a parsed JSON object; throws <see cref="FormatException"/> naming the problem.</summary>
    public static Hop FromElement(JsonElement element)
    {
        try
        {
            return Read(element);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json will not decode escaped lone surrogates into .NET strings.
            throw new FormatException("Hop contains a string that is not well-formed Unicode.", e);
        }
    }

    private static Hop Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Hop must be a JSON object, not {element.ValueKind}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (!Known.Contains(member.Name))
            {
                throw new FormatException($"Hop has unknown member '{member.Name}'.");
            }

            if (!seen.Add(member.Name))
            {
                throw new FormatException($"Hop has member '{member.Name}' twice.");
            }
        }

        var step = RequiredString(element, "bizStep");
        var disposition = RequiredString(element, "disposition");
        var hop = new Hop(
            DeviceId: RequiredString(element, "deviceId"),
            Counter: Counter(element),
            EventTime: EventTime(RequiredString(element, "eventTime")),
            TimeZoneOffset: RequiredString(element, "eventTimeZoneOffset"),
            BizStep: CbvVocabulary.TryParseBizStep(step, out var s) ? s : throw new FormatException($"bizStep '{step}' is not a supported CBV business step."),
            Disposition: CbvVocabulary.TryParseDisposition(disposition, out var d) ? d : throw new FormatException($"disposition '{disposition}' is not a supported CBV disposition."),
            Location: RequiredString(element, "location"),
            Identifiers: Identifiers(element),
            Parent: OptionalString(element, "parent"),
            Source: OptionalString(element, "source"),
            Destination: OptionalString(element, "destination"),
            Batch: OptionalString(element, "batch"),
            Expiry: OptionalString(element, "expiry"),
            RawScan: OptionalString(element, "rawScan"));

        var problems = HopRules.Problems(hop);
        return problems.Count == 0 ? hop : throw new FormatException("Invalid hop: " + string.Join("; ", problems));
    }

    private static long Counter(JsonElement element)
    {
        if (!element.TryGetProperty("counter", out var value) || value.ValueKind != JsonValueKind.Number)
        {
            throw new FormatException("Hop member 'counter' is required and must be a number.");
        }

        return value.TryGetInt64(out var counter) ? counter : throw new FormatException($"Hop member 'counter' must be an integer, not {value.GetRawText()}.");
    }

    private static DateTimeOffset EventTime(string text) =>
        DateTime.TryParseExact(text, HopCanonicalizer.EventTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : throw new FormatException($"eventTime '{text}' must be UTC as yyyy-MM-ddTHH:mm:ss.fffZ.");

    private static List<string> Identifiers(JsonElement element)
    {
        if (!element.TryGetProperty("identifiers", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Hop member 'identifiers' is required and must be an array of strings.");
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? ReadString(item, "identifiers") : throw new FormatException("Hop member 'identifiers' must contain only strings."));
        }

        return list;
    }

    private static string RequiredString(JsonElement element, string name) =>
        OptionalString(element, name) ?? throw new FormatException($"Hop member '{name}' is required.");

    private static string? OptionalString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? ReadString(value, name)
            : throw new FormatException($"Hop member '{name}' must be a string, not {value.ValueKind}.");
    }

    private static string ReadString(JsonElement value, string name) =>
        value.GetString() ?? throw new FormatException($"Hop member '{name}' must be a string.");
}
