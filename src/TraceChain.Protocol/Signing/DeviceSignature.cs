using System.Buffers.Text;
using System.Security.Cryptography;

namespace TraceChain.Protocol.Signing;

/// <summary>
/// Device signatures: ECDSA P-256 over SHA-256 of the signed bytes, encoded IEEE P1363 (r || s, 32 bytes each,
/// big-endian, 64 bytes) and carried as base64url without padding (86 characters).
/// </summary>
public static class DeviceSignature
{
    /// <summary>Signature length in bytes.</summary>
    public const int Size = 64;

    /// <summary>Signature length in base64url characters.</summary>
    public const int EncodedLength = 86;

    /// <summary>Signs <paramref name="data"/> with a P-256 private key.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> data, ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return privateKey.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>True when <paramref name="signature"/> is a valid 64-byte P1363 signature of <paramref name="data"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return signature.Length == Size
            && publicKey.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>base64url without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> signature) => Base64Url.EncodeToString(signature);

    /// <summary>Decodes the base64url form strictly (86 characters, no padding, canonical last character).</summary>
    public static bool TryDecode(string? text, out byte[] signature)
    {
        signature = [];
        if (text is not { Length: EncodedLength } || !Base64Url.IsValid(text))
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(text);

        // Re-encoding rejects non-zero padding bits, so each signature has a single spelling.
        if (bytes.Length != Size || Base64Url.EncodeToString(bytes) != text)
        {
            return false;
        }

        signature = bytes;
        return true;
    }
}
