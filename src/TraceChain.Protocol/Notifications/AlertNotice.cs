using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace TraceChain.Protocol.Notifications;

/// <summary>
/// The payload of <c>{prefix}/alerts/{partyGln}</c>: an alert the ledger raised that concerns the party (it acted, it
/// is the location, or it makes the product). It names no other party: the investigator's detail, which may name
/// partners, stays with the regulator's <c>GET /v1/alerts</c>.
/// JSON: <c>{"id","code","identifier","at","party"}</c>.
/// </summary>
/// <param name="Id">Alert number (the same alert sent twice has the same number).</param>
/// <param name="Code">Alert code in snake_case (<c>unknown_serial</c>, <c>diversion</c>, …).</param>
/// <param name="Identifier">The pack, case or pallet concerned, if one.</param>
/// <param name="At">When the ledger raised it.</param>
/// <param name="Party">The GLN this notice is addressed to.</param>
public sealed record AlertNotice(long Id, string Code, string? Identifier, DateTimeOffset At, string Party)
{
    /// <summary>The JSON payload (UTF-8).</summary>
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("id", Id);
            w.WriteString("code", Code);
            if (Identifier is not null)
            {
                w.WriteString("identifier", Identifier);
            }

            w.WriteString("at", At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("party", Party);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a payload made by <see cref="ToJson"/>; returns null and names the problem when it is not one.</summary>
    public static AlertNotice? TryParse(ReadOnlySpan<byte> json, out string? problem)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            problem = root.ValueKind != JsonValueKind.Object ? "alert notice is not a JSON object"
                : !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out _) ? "alert notice member 'id' must be an integer"
                : !IsText(root, "code") ? "alert notice member 'code' must be a non-empty string"
                : !IsText(root, "party") ? "alert notice member 'party' must be a non-empty string"
                : !IsText(root, "at") || !DateTimeOffset.TryParse(root.GetProperty("at").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) ? "alert notice member 'at' is not an RFC 3339 time"
                : null;
            if (problem is not null)
            {
                return null;
            }

            return new AlertNotice(
                root.GetProperty("id").GetInt64(),
                root.GetProperty("code").GetString()!,
                root.TryGetProperty("identifier", out var identifier) && identifier.ValueKind == JsonValueKind.String ? identifier.GetString() : null,
                DateTimeOffset.Parse(root.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                root.GetProperty("party").GetString()!);
        }
        catch (JsonException e)
        {
            problem = $"alert notice is not valid JSON: {e.Message}";
            return null;
        }
    }

    private static bool IsText(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;
}
