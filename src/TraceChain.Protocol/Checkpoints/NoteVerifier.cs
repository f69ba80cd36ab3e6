using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TraceChain.Protocol.Signing;

namespace TraceChain.Protocol.Checkpoints;

/// <summary>
/// Verifies signed notes against one trusted ECDSA P-256 key, following the C2SP signed-note rules: lines from
/// other keys are ignored, a line from this key that fails rejects the note, and at least one must verify.
/// </summary>
public sealed class NoteVerifier
{
    private readonly ECDsa key;

    private NoteVerifier(string name, uint keyId, ECDsa key)
    {
        Name = name;
        KeyId = keyId;
        this.key = key;
    }

    /// <summary>Trusted key name.</summary>
    public string Name { get; }

    /// <summary>Trusted key id.</summary>
    public uint KeyId { get; }

    /// <summary>A verifier for a named public key.</summary>
    public static NoteVerifier Create(string name, ECDsa publicKey)
    {
        if (!SignedNote.IsValidKeyName(name))
        {
            throw new ArgumentException($"Key name '{name}' must be non-empty without spaces or '+'.", nameof(name));
        }

        var spki = DeviceKeys.SubjectPublicKeyInfo(publicKey);
        return new NoteVerifier(name, NoteKeys.KeyId(spki), DeviceKeys.ImportPublicKey(spki));
    }

    /// <summary>Parses a verifier key string <c>name+keyid+base64(0x02 || SPKI)</c>; throws <see cref="FormatException"/> naming the problem.</summary>
    public static NoteVerifier Parse(string verifierKey)
    {
        var parts = (verifierKey ?? string.Empty).Split('+', 3);
        if (parts.Length != 3 || !SignedNote.IsValidKeyName(parts[0]))
        {
            throw new FormatException("Verifier key must be '<name>+<8 hex digit key id>+<base64 key>'.");
        }

        if (parts[1].Length != 8 || !uint.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId))
        {
            throw new FormatException($"Verifier key id '{parts[1]}' must be 8 hex digits.");
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException e)
        {
            throw new FormatException("Verifier key material is not standard base64.", e);
        }

        if (blob.Length < 2 || blob[0] != NoteKeys.EcdsaType)
        {
            throw new FormatException($"Verifier key type must be 0x02 (ECDSA){(blob.Length > 0 ? $", not 0x{blob[0]:x2}" : string.Empty)}.");
        }

        var spki = blob.AsSpan(1);
        if (NoteKeys.KeyId(spki) != keyId)
        {
            throw new FormatException($"Verifier key id {parts[1]} does not match the key (expected {NoteKeys.KeyId(spki):x8}).");
        }

        return new NoteVerifier(parts[0], keyId, DeviceKeys.ImportPublicKey(spki));
    }

    /// <summary>True when a signature line of this key verifies and none of this key fails; <paramref name="reason"/> says why not.</summary>
    public bool Verify(SignedNote note, out string reason)
    {
        ArgumentNullException.ThrowIfNull(note);
        var text = Encoding.UTF8.GetBytes(note.Text);
        var verified = false;
        foreach (var line in note.Signatures)
        {
            if (line.KeyName != Name || line.KeyId != KeyId)
            {
                continue;
            }

            if (!key.VerifyData(text, line.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                reason = $"signature by {Name} ({KeyId:x8}) does not verify";
                return false;
            }

            verified = true;
        }

        reason = verified ? "verified" : $"no signature by {Name} ({KeyId:x8})";
        return verified;
    }
}
