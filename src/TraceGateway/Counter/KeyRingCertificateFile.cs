namespace TraceGateway.Counter;

/// <summary>A PKCS#12 file and its password, as given in configuration (<c>Counter:KeyRingRetiredCertificates:N</c>).</summary>
public sealed class KeyRingCertificateFile
{
    /// <summary>The PKCS#12 file with the certificate and its RSA private key.</summary>
    public string? File { get; set; }

    /// <summary>Its password, if it has one.</summary>
    public string? Password { get; set; }
}
