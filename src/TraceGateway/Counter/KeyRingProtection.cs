using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;

namespace TraceGateway.Counter;

/// <summary>
/// Encryption at rest of the Data Protection key ring, whose keys protect the counter session cookies, the antiforgery
/// tokens and the counter devices' stored private keys. With <c>Counter:KeyRingCertificate</c> (a PKCS#12 file holding
/// an RSA key, kept apart from the gateway's data, e.g. a mounted secret) each new key is encrypted to that certificate;
/// without one, keys are stored unencrypted in the owner-only directory. Checked at start: a ring holding keys encrypted
/// to a certificate that is not configured would otherwise be skipped key by key with a logged error, ending every
/// session and leaving every counter device key unusable until renewed.
/// </summary>
public static class KeyRingProtection
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XNamespace XmlDsig = "http://www.w3.org/2000/09/xmldsig#";

    /// <summary>The certificate new keys are encrypted to, with its private key, or null when none is configured.</summary>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable with the password, or holds no RSA private key; the message names the setting.</exception>
    public static X509Certificate2? LoadCertificate(CounterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        const string key = $"{CounterSettings.Section}:KeyRingCertificate";
        if (!string.IsNullOrWhiteSpace(settings.KeyRingCertificate))
        {
            return Load(key, settings.KeyRingCertificate, $"{key}Password", settings.KeyRingCertificatePassword);
        }

        return settings.KeyRingCertificatePassword is not null ? throw Unusable($"{key}Password is set without {key}")
            : settings.KeyRingRetiredCertificates.Count > 0 ? throw Unusable($"{CounterSettings.Section}:KeyRingRetiredCertificates are set without {key}, the certificate that replaced them")
            : null;
    }

    /// <summary>The certificates that only decrypt (<see cref="CounterSettings.KeyRingRetiredCertificates"/>), each with its private key.</summary>
    /// <exception cref="InvalidOperationException">One is missing, unreadable with its password, or holds no RSA private key; the message names its setting.</exception>
    public static IReadOnlyList<X509Certificate2> LoadRetiredCertificates(CounterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. settings.KeyRingRetiredCertificates.Select((retired, i) =>
        {
            var key = $"{CounterSettings.Section}:KeyRingRetiredCertificates:{i}:";
            return string.IsNullOrWhiteSpace(retired.File) ? throw Unusable($"{key}File is not set") : Load(key + "File", retired.File, key + "Password", retired.Password);
        })];
    }

    /// <summary>Throws when <paramref name="directory"/> holds keys encrypted to a certificate not among <paramref name="readable"/>.</summary>
    /// <exception cref="InvalidOperationException">The message names the certificates the ring needs and the setting to give them in.</exception>
    public static void CheckReadable(string directory, IReadOnlyCollection<X509Certificate2> readable)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(readable);
        if (!Directory.Exists(directory))
        {
            return;
        }

        var configured = readable.Select(c => c.Thumbprint).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "key-*.xml"))
        {
            var needed = EncryptedTo(file);
            if (needed.Count > 0 && !needed.Overlaps(configured))
            {
                missing.UnionWith(needed);
            }
        }

        if (missing.Count > 0)
        {
            throw Unusable(
                $"the Data Protection key ring in {directory} holds keys encrypted to certificate {string.Join(" or ", missing)}, "
                + $"but {(configured.Count == 0 ? "no certificate is" : $"certificate {string.Join(", ", configured.Order(StringComparer.Ordinal))} is")} configured: "
                + $"set {CounterSettings.Section}:KeyRingCertificate (and {CounterSettings.Section}:KeyRingCertificatePassword) to that certificate's PKCS#12 file, "
                + $"or add it to {CounterSettings.Section}:KeyRingRetiredCertificates when another has replaced it");
        }
    }

    private static X509Certificate2 Load(string fileKey, string path, string passwordKey, string? password)
    {
        if (!File.Exists(path))
        {
            throw Unusable($"{fileKey} {path} does not exist");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw Unusable($"{fileKey} {path} is not a PKCS#12 file readable with {passwordKey} ({e.Message})");
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw Unusable($"{fileKey} {path} holds no RSA private key (Data Protection encrypts its keys to an RSA certificate)");
        }

        return certificate;
    }

    /// <summary>
    /// The thumbprints of the certificates a key file's secret is encrypted to; empty for a key stored unencrypted (or
    /// encrypted otherwise than to a certificate). A damaged file refuses the start naming it: Data Protection cannot
    /// read a ring with one (every session and counter device key would fail later, each with a vaguer error).
    /// </summary>
    private static HashSet<string> EncryptedTo(string file)
    {
        var thumbprints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var secret in XDocument.Load(file).Descendants(DataProtection + "encryptedSecret"))
            {
                foreach (var element in secret.Descendants(XmlDsig + "X509Certificate"))
                {
                    using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(element.Value.Trim()));
                    thumbprints.Add(certificate.Thumbprint);
                }
            }
        }
        catch (Exception e) when (e is System.Xml.XmlException or FormatException or CryptographicException)
        {
            throw Unusable($"the Data Protection key file {file} is damaged ({e.Message}); restore the key ring from its backup");
        }

        return thumbprints;
    }

    private static InvalidOperationException Unusable(string problem) => new("configuration: " + problem);
}
