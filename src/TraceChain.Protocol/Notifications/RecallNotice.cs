using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TraceChain.Protocol.Notifications;

/// <summary>
/// The retained payload of <c>{prefix}/recalls/{gtin}/{batch}</c>: one recalled (or withdrawn) batch, with the log
/// entry that records it so a receiver can fetch the entry and its proof (<c>GET /v1/entries/{seq}/bundle</c>).
/// JSON: <c>{"gtin","batch","status":"recalled"|"withdrawn","reason","recalledAt","seq","entry"}</c>.
/// </summary>
/// <param name="Gtin">GTIN-14 of the product.</param>
/// <param name="Batch">The batch (lot, GS1 AI 10).</param>
/// <param name="Withdrawal">Withdrawn from the market rather than recalled.</param>
/// <param name="Reason">The manufacturer's or regulator's reason.</param>
/// <param name="RecalledAt">When the ledger recorded it.</param>
/// <param name="Seq">Sequence number of the <c>batch_recalled</c> log entry.</param>
public sealed record RecallNotice(string Gtin, string Batch, bool Withdrawal, string Reason, DateTimeOffset RecalledAt, long Seq)
{
    /// <summary>The wire status: <c>recalled</c> or <c>withdrawn</c>.</summary>
    [JsonIgnore] // derived from Withdrawal: kept out of the record's serialised form (the ledger's feed)
    public string Status => Withdrawal ? "withdrawn" : "recalled";

    /// <summary>Path of the log entry on the gateway (append <c>/bundle</c> for the offline proof).</summary>
    [JsonIgnore]
    public string EntryPath => string.Create(CultureInfo.InvariantCulture, $"/v1/entries/{Seq}");

    /// <summary>The JSON payload (UTF-8).</summary>
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("gtin", Gtin);
            w.WriteString("batch", Batch);
            w.WriteString("status", Status);
            w.WriteString("reason", Reason);
            w.WriteString("recalledAt", RecalledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteNumber("seq", Seq);
            w.WriteString("entry", EntryPath);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a payload made by <see cref="ToJson"/>; returns null and names the problem when it is not one.</summary>
    public static RecallNotice? TryParse(ReadOnlySpan<byte> json, out string? problem)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "recall notice is not a JSON object";
                return null;
            }

            problem = Missing(root, "gtin") ?? Missing(root, "batch") ?? Missing(root, "status") ?? Missing(root, "reason") ?? Missing(root, "recalledAt");
            if (problem is not null)
            {
                return null;
            }

            var status = root.GetProperty("status").GetString();
            if (status is not ("recalled" or "withdrawn"))
            {
                problem = $"recall notice status '{status}' must be recalled or withdrawn";
                return null;
            }

            if (!root.TryGetProperty("seq", out var seq) || seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out var seqValue) || seqValue < 0)
            {
                problem = "recall notice member 'seq' must be a non-negative integer";
                return null;
            }

            if (!DateTimeOffset.TryParse(root.GetProperty("recalledAt").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                problem = "recall notice member 'recalledAt' is not an RFC 3339 time";
                return null;
            }

            return new RecallNotice(root.GetProperty("gtin").GetString()!, root.GetProperty("batch").GetString()!, status == "withdrawn", root.GetProperty("reason").GetString()!, at, seqValue);
        }
        catch (JsonException e)
        {
            problem = $"recall notice is not valid JSON: {e.Message}";
            return null;
        }
    }

    private static string? Missing(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
            ? null
            : $"recall notice member '{name}' must be a non-empty string";
}
