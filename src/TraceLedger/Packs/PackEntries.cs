using System.Buffers;
using System.Text.Json;
using TraceChain.Protocol.Json;

namespace TraceLedger.Packs;

/// <summary>
/// Leaf data of the lifecycle's own log entries, RFC 8785 canonical JSON with a "kind" member like the registry
/// entries. A commissioning entry lists every identifier of the batch, so its one leaf covers the whole serial
/// list (one entry per batch, not per pack: 100,000 leaves would cost 100,000 tree updates for no extra proof
/// power, since an inclusion proof of the batch entry proves each serial in it).
/// </summary>
internal static class PackEntries
{
    public static byte[] Commissioned(CommissionRequest request, string gtin14, IReadOnlyList<string> identifiers, bool scratch, long treeSize) => Canonical(w =>
    {
        w.WriteString("kind", "batch_commissioned");
        w.WriteString("manufacturer", request.ManufacturerGln);
        w.WriteString("gtin", gtin14);
        w.WriteString("lot", request.Lot);
        w.WriteString("expiry", request.Expiry);
        w.WriteStartObject("product");
        w.WriteString("name", request.Product.Name);
        w.WriteString("strength", request.Product.Strength);
        w.WriteString("form", request.Product.Form);
        w.WriteNumber("packSize", request.Product.PackSize);
        w.WriteEndObject();
        w.WriteBoolean("scratchCodes", scratch);
        w.WriteStartArray("identifiers");
        foreach (var id in identifiers)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        w.WriteNumber("treeSize", treeSize);
    });

    public static byte[] CompanyPrefix(string prefix, string manufacturerGln, long treeSize) => Canonical(w =>
    {
        w.WriteString("kind", "company_prefix_registered");
        w.WriteString("manufacturer", manufacturerGln);
        w.WriteString("prefix", prefix);
        w.WriteNumber("treeSize", treeSize);
    });

    public static byte[] Recalled(RecallRequest request, string gtin14, long treeSize) => Canonical(w =>
    {
        w.WriteString("kind", "batch_recalled");
        w.WriteString("actor", request.ActorGln);
        w.WriteString("gtin", gtin14);
        if (request.Lot is not null)
        {
            w.WriteString("lot", request.Lot);
        }

        w.WriteBoolean("withdrawal", request.Withdrawal);
        w.WriteString("reason", request.Reason);
        w.WriteNumber("treeSize", treeSize);
    });

    private static byte[] Canonical(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return CanonicalJson.Canonicalize(buffer.WrittenSpan);
    }
}
