using System.Security.Cryptography;
using System.Text;
using TraceChain.Protocol.Signing;

namespace TraceChain.Protocol.Checkpoints;

/// <summary>
/// Signs notes with an ECDSA P-256 key (signed-note type 0x02: ASN.1 DER signature over SHA-256 of the text).
/// It uses the given <see cref="ECDsa"/> instance as is; callers that sign from several threads serialise calls.
/// </summary>
public sealed class NoteSigner
{
    private readonly ECDsa key;
    private readonly byte[] spki;

    /// <summary>A signer named <paramref name="name"/> (usually the log origin) using <paramref name="privateKey"/>.</summary>
    public NoteSigner(string name, ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (!SignedNote.IsValidKeyName(name))
        {
            throw new ArgumentException($"Key name '{name}' must be non-empty without spaces or '+'.", nameof(name));
        }

        Name = name;
        key = privateKey;
        spki = DeviceKeys.SubjectPublicKeyInfo(privateKey);
        KeyId = NoteKeys.KeyId(spki);
    }

    /// <summary>Key name on signature lines.</summary>
    public string Name { get; }

    /// <summary>32-bit key id on signature lines.</summary>
    public uint KeyId { get; }

    /// <summary>The verifier key string that lets others check this signer (<see cref="NoteVerifier.Parse"/>).</summary>
    public string VerifierKey => NoteKeys.VerifierKey(Name, spki);

    /// <summary>A verifier for this signer's public key.</summary>
    public NoteVerifier Verifier() => NoteVerifier.Parse(VerifierKey);

    /// <summary>Signs a note text (which must end in a newline).</summary>
    public SignedNote Sign(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n') || text.Any(c => c < ' ' && c != '\n'))
        {
            throw new ArgumentException("Note text must end with a newline and contain no control characters other than newline.", nameof(text));
        }

        var signature = key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new SignedNote(text, [new NoteSignature(Name, KeyId, signature)]);
    }
}
