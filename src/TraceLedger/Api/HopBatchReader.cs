using System.Text.Json;
using TraceChain.Protocol.Signing;

namespace TraceLedger.Api;

/// <summary>
/// Reads a hop batch body <c>{"hops":[signed hop, …]}</c>. Pure: bytes in, values out. A broken body is an error;
/// a broken item only makes that item malformed, so one bad hop does not sink the batch.
/// </summary>
public static class HopBatchReader
{
    /// <summary>Most hops one request may carry.</summary>
    public const int MaxHops = 10_000;

    /// <summary>Parses the body; throws <see cref="FormatException"/> naming the problem when the body as a whole is unusable.</summary>
    public static HopBatch Read(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"Body is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("hops", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("Body must be a JSON object with a 'hops' array.");
            }

            var count = items.GetArrayLength();
            if (count > MaxHops)
            {
                throw new FormatException($"A batch holds at most {MaxHops} hops; this one has {count}.");
            }

            var hops = new List<(int, SignedHop)>(count);
            var malformed = new List<(int, string)>();
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                try
                {
                    hops.Add((index, SignedHop.FromElement(item)));
                }
                catch (FormatException e)
                {
                    malformed.Add((index, e.Message));
                }

                index++;
            }

            return new HopBatch(hops, malformed);
        }
    }
}
