using System.Security.Cryptography;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Signing;

namespace TraceLedger.Log;

/// <summary>
/// The per-hop work that needs no lock: canonical bytes, content hash (idempotency key), entry bytes, leaf hash
/// and the decoded signature. Computed in parallel before the batch takes the writer lock.
/// </summary>
internal sealed class PreparedHop
{
    private PreparedHop(SignedHop signed)
    {
        Signed = signed;
    }

    public SignedHop Signed { get; }

    public string? Problem { get; private set; }

    public byte[] Canonical { get; private set; } = [];

    public byte[] ContentHash { get; private set; } = [];

    public byte[] EntryBytes { get; private set; } = [];

    public byte[] LeafHash { get; private set; } = [];

    public byte[] Signature { get; private set; } = [];

    public static PreparedHop Prepare(SignedHop signed)
    {
        var prepared = new PreparedHop(signed);
        if (signed?.Hop is null)
        {
            prepared.Problem = "the batch holds an empty hop";
            return prepared;
        }

        if (!DeviceSignature.TryDecode(signed.Signature, out var signature) || signed.KeyId is not { Length: DeviceKeys.KeyIdLength })
        {
            prepared.Problem = "keyId must be 16 hex digits and signature 86 characters of base64url";
            return prepared;
        }

        try
        {
            prepared.Canonical = HopCanonicalizer.Canonicalize(signed.Hop);
        }
        catch (ArgumentException e)
        {
            // The field rules run inside canonicalisation; only a failing hop pays for listing its problems.
            var problems = HopRules.Problems(signed.Hop);
            prepared.Problem = problems.Count > 0 ? string.Join("; ", problems) : e.Message;
            return prepared;
        }

        prepared.Signature = signature;
        prepared.ContentHash = SHA256.HashData(prepared.Canonical);
        prepared.EntryBytes = signed.ToEntryBytes();
        prepared.LeafHash = MerkleHash.Leaf(prepared.EntryBytes);
        return prepared;
    }

    /// <summary>Every item the hop moves: its identifiers and, for packing and unpacking, the parent container.</summary>
    public IEnumerable<string> Items() =>
        Signed.Hop.Parent is { } parent ? Signed.Hop.Identifiers.Append(parent) : Signed.Hop.Identifiers;
}
