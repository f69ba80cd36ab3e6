using System.Text.Json;
using TraceChain.Protocol.Json;
using TraceChain.Protocol.Merkle;

namespace TraceChain.Protocol.Proofs;

/// <summary>
/// Everything a client needs to check offline that a log entry is in the log: the entry bytes, its leaf index,
/// the inclusion proof and the signed checkpoint it leads to. JSON form (RFC 8785 canonical when written):
/// <c>{"checkpoint":"&lt;signed note&gt;","entry":"&lt;base64&gt;","inclusionProof":["&lt;base64&gt;",…],"leafIndex":n}</c>.
/// </summary>
/// <param name="Entry">The exact log entry bytes (for hops: <see cref="Signing.SignedHop.ToEntryBytes"/>).</param>
/// <param name="LeafIndex">0-based position of the entry in the log.</param>
/// <param name="InclusionProof">RFC 9162 audit path to the checkpoint's root, leaf-most sibling first.</param>
/// <param name="Checkpoint">The signed checkpoint note, as text.</param>
public sealed record ProofBundle(byte[] Entry, long LeafIndex, IReadOnlyList<byte[]> InclusionProof, string Checkpoint)
{
    /// <summary>Largest bundle <see cref="Parse"/> accepts, in bytes.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Value equality, comparing entry and proof bytes by content.</summary>
    public bool Equals(ProofBundle? other) =>
        other is not null
        && LeafIndex == other.LeafIndex
        && Checkpoint == other.Checkpoint
        && Entry.AsSpan().SequenceEqual(other.Entry)
        && InclusionProof.Count == other.InclusionProof.Count
        && InclusionProof.Zip(other.InclusionProof).All(p => p.First.AsSpan().SequenceEqual(p.Second));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LeafIndex, Checkpoint, Entry.Length);

    /// <summary>The canonical JSON form.</summary>
    public byte[] ToJson()
    {
        var w = new CanonicalJsonWriter();
        w.StartObject();
        w.PropertyName("checkpoint");
        w.String(Checkpoint);
        w.PropertyName("entry");
        w.String(Convert.ToBase64String(Entry));
        w.PropertyName("inclusionProof");
        w.StartArray();
        foreach (var node in InclusionProof)
        {
            w.String(Convert.ToBase64String(node));
        }

        w.EndArray();
        w.PropertyName("leafIndex");
        w.Integer(LeafIndex);
        w.EndObject();
        return w.ToArray();
    }

    /// <summary>Parses the JSON form (any member order); throws <see cref="FormatException"/> naming the problem.</summary>
    public static ProofBundle Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
        {
            throw new FormatException($"Proof bundle is larger than {MaxBytes} bytes.");
        }

        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray());
            return FromElement(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Proof bundle is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Reads the JSON form from a parsed element; throws <see cref="FormatException"/> naming the problem.</summary>
    public static ProofBundle FromElement(JsonElement element)
    {
        try
        {
            return Read(element);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json will not decode escaped lone surrogates into .NET strings.
            throw new FormatException("Proof bundle contains a string that is not well-formed Unicode.", e);
        }
    }

    private static ProofBundle Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Proof bundle must be a JSON object, not {element.ValueKind}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (member.Name is not ("checkpoint" or "entry" or "inclusionProof" or "leafIndex"))
            {
                throw new FormatException($"Proof bundle has unknown member '{member.Name}'.");
            }

            if (!seen.Add(member.Name))
            {
                throw new FormatException($"Proof bundle has member '{member.Name}' twice.");
            }
        }

        var checkpoint = String(element, "checkpoint");
        var entry = Base64(String(element, "entry"), "entry");
        if (!element.TryGetProperty("leafIndex", out var index) || !index.TryGetInt64(out var leafIndex) || leafIndex < 0)
        {
            throw new FormatException("Proof bundle member 'leafIndex' must be a non-negative integer.");
        }

        if (!element.TryGetProperty("inclusionProof", out var proof) || proof.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Proof bundle member 'inclusionProof' must be an array of base64 hashes.");
        }

        var nodes = new List<byte[]>();
        foreach (var item in proof.EnumerateArray())
        {
            var node = item.ValueKind == JsonValueKind.String ? Base64(item.GetString()!, "inclusionProof") : [];
            nodes.Add(node.Length == MerkleHash.Size ? node : throw new FormatException($"Proof bundle inclusionProof[{nodes.Count}] must be base64 of a {MerkleHash.Size}-byte hash."));
        }

        return new ProofBundle(entry, leafIndex, nodes, checkpoint);
    }

    private static string String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"Proof bundle member '{name}' is required and must be a string.");

    private static byte[] Base64(string text, string name)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Proof bundle member '{name}' is not standard base64.", e);
        }
    }
}
