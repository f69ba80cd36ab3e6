namespace TraceChain.Protocol.Checkpoints;

/// <summary>One signature line of a signed note: <c>— &lt;key name&gt; base64(key id (4 bytes, big-endian) || signature)</c>.</summary>
/// <param name="KeyName">Signer's key name (no spaces, no '+').</param>
/// <param name="KeyId">32-bit key id.</param>
/// <param name="Signature">Algorithm-specific signature bytes (ASN.1 DER ECDSA for type 0x02).</param>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature)
{
    /// <summary>Value equality, comparing signature bytes by content.</summary>
    public bool Equals(NoteSignature? other) =>
        other is not null && KeyName == other.KeyName && KeyId == other.KeyId && Signature.AsSpan().SequenceEqual(other.Signature);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(KeyName, KeyId);
}
