using System.Text.Json;

namespace TraceChain.Protocol.Json;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: members sorted by UTF-16 code units, no whitespace, ES6 number
/// form, ECMAScript string escaping, UTF-8 output. Duplicate member names are rejected (I-JSON).
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Canonical bytes of a UTF-8 JSON text; throws <see cref="FormatException"/> naming the problem.</summary>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), Strict);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            return Canonicalize(document.RootElement);
        }
    }

    /// <summary>Canonical bytes of a parsed JSON value; throws <see cref="FormatException"/> naming the problem.</summary>
    public static byte[] Canonicalize(JsonElement element)
    {
        var writer = new CanonicalJsonWriter();
        try
        {
            Write(writer, element, "$");
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses to decode escaped lone surrogates into .NET strings.
            throw new FormatException("JSON text has a string with a lone surrogate; it must be well-formed Unicode (RFC 8785 section 3.2.2.2).", e);
        }

        return writer.ToArray();
    }

    private static void Write(CanonicalJsonWriter writer, JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<JsonProperty>();
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in element.EnumerateObject())
                {
                    if (!names.Add(member.Name))
                    {
                        throw new FormatException($"Duplicate member '{member.Name}' at {path}.");
                    }

                    members.Add(member);
                }

                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                writer.StartObject();
                foreach (var member in members)
                {
                    writer.PropertyName(member.Name);
                    Write(writer, member.Value, path + "." + member.Name);
                }

                writer.EndObject();
                break;
            case JsonValueKind.Array:
                writer.StartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, $"{path}[{index++}]");
                }

                writer.EndArray();
                break;
            case JsonValueKind.String:
                writer.String(element.GetString()!);
                break;
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    throw new FormatException($"Number {element.GetRawText()} at {path} is outside the IEEE 754 double range.");
                }

                writer.Number(number);
                break;
            case JsonValueKind.True:
                writer.Boolean(true);
                break;
            case JsonValueKind.False:
                writer.Boolean(false);
                break;
            case JsonValueKind.Null:
                writer.Null();
                break;
            default:
                throw new FormatException($"Unexpected JSON token {element.ValueKind} at {path}.");
        }
    }
}
