using System.Security.Cryptography;

namespace TraceChain.Protocol.Signing;

/// <summary>
/// Device key encodings: public keys travel as standard base64 of the DER SubjectPublicKeyInfo (RFC 5480, curve
/// P-256 only); a key id is the lower-case hex of the first 8 bytes of SHA-256(SPKI DER).
/// </summary>
public static class DeviceKeys
{
    /// <summary>Length of a key id in hex characters.</summary>
    public const int KeyIdLength = 16;

    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>A fresh P-256 key pair.</summary>
    public static ECDsa Create() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The key pair whose private scalar is <paramref name="privateScalar"/> (32 bytes, big-endian).</summary>
    public static ECDsa FromPrivateScalar(ReadOnlySpan<byte> privateScalar)
    {
        if (privateScalar.Length != 32)
        {
            throw new ArgumentException($"A P-256 private scalar is 32 bytes, not {privateScalar.Length}.", nameof(privateScalar));
        }

        // The platform derives the public point Q = d·G when only D is given.
        var key = ECDsa.Create();
        try
        {
            key.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = privateScalar.ToArray() });
            return key;
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new ArgumentException("The private scalar is not a valid P-256 key (zero or not below the group order).", nameof(privateScalar), e);
        }
    }

    /// <summary>DER SubjectPublicKeyInfo of the key's public half.</summary>
    public static byte[] SubjectPublicKeyInfo(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ExportSubjectPublicKeyInfo();
    }

    /// <summary>Standard base64 of the DER SubjectPublicKeyInfo.</summary>
    public static string ExportPublicKey(ECDsa key) => Convert.ToBase64String(SubjectPublicKeyInfo(key));

    /// <summary>Imports a base64 SPKI P-256 public key; throws <see cref="FormatException"/> naming the problem.</summary>
    public static ECDsa ImportPublicKey(string spkiBase64)
    {
        byte[] der;
        try
        {
            der = Convert.FromBase64String(spkiBase64 ?? string.Empty);
        }
        catch (FormatException e)
        {
            throw new FormatException("Public key is not standard base64.", e);
        }

        return ImportPublicKey(der);
    }

    /// <summary>Imports a DER SPKI P-256 public key; throws <see cref="FormatException"/> naming the problem.</summary>
    public static ECDsa ImportPublicKey(ReadOnlySpan<byte> spkiDer)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(spkiDer, out var read);
            if (read != spkiDer.Length)
            {
                throw new FormatException($"Public key has {spkiDer.Length - read} bytes after the SubjectPublicKeyInfo.");
            }

            if (key.ExportParameters(false).Curve.Oid?.Value != P256Oid)
            {
                throw new FormatException("Public key is not on curve P-256.");
            }

            return key;
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new FormatException("Public key is not a DER SubjectPublicKeyInfo of an EC key.", e);
        }
        catch (FormatException)
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Key id of a DER SPKI: hex of SHA-256(SPKI)[0..8].</summary>
    public static string KeyId(ReadOnlySpan<byte> spkiDer) => Convert.ToHexStringLower(SHA256.HashData(spkiDer)[..8]);

    /// <summary>Key id of a key's public half.</summary>
    public static string KeyId(ECDsa key) => KeyId(SubjectPublicKeyInfo(key));
}
