using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TraceChain.Protocol.Checkpoints;

/// <summary>
/// Key identities for C2SP signed-note signature type 0x02 (ECDSA, as implemented by
/// github.com/transparency-dev/witness): key id = first 4 bytes, big-endian, of SHA-256(DER SPKI), and the
/// verifier key string is <c>&lt;name&gt;+&lt;8 hex digits key id&gt;+base64(0x02 || DER SPKI)</c>.
/// </summary>
public static class NoteKeys
{
    /// <summary>The signed-note signature type byte for ECDSA.</summary>
    public const byte EcdsaType = 0x02;

    /// <summary>Key id of an ECDSA note key: SHA-256(DER SPKI)[0..4] as a big-endian uint32.</summary>
    public static uint KeyId(ReadOnlySpan<byte> spkiDer) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(spkiDer));

    /// <summary>The verifier key string for a named ECDSA key.</summary>
    public static string VerifierKey(string name, ReadOnlySpan<byte> spkiDer)
    {
        if (!SignedNote.IsValidKeyName(name))
        {
            throw new ArgumentException($"Key name '{name}' must be non-empty without spaces or '+'.", nameof(name));
        }

        var blob = new byte[1 + spkiDer.Length];
        blob[0] = EcdsaType;
        spkiDer.CopyTo(blob.AsSpan(1));
        return $"{name}+{KeyId(spkiDer):x8}+{Convert.ToBase64String(blob)}";
    }
}
