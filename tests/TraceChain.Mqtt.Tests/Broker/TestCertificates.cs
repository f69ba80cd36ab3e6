using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TraceChain.Mqtt.Broker;

namespace TraceChain.Mqtt.Tests.Broker;

/// <summary>A CA and a server certificate for 127.0.0.1/localhost, made with CertificateRequest and written as PEM.</summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 ca, MosquittoTlsFiles files)
    {
        Ca = ca;
        Files = files;
    }

    public X509Certificate2 Ca { get; }

    public MosquittoTlsFiles Files { get; }

    public static TestCertificates Create(string directory, string name = "TraceChain Test CA")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={name}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var server = serverRequest.Create(ca, now.AddDays(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(8));

        Directory.CreateDirectory(directory);
        var files = new MosquittoTlsFiles(Path.Combine(directory, "ca.pem"), Path.Combine(directory, "server.pem"), Path.Combine(directory, "server.key"));
        File.WriteAllText(files.CaFile, ca.ExportCertificatePem());
        File.WriteAllText(files.CertificateFile, server.ExportCertificatePem());
        File.WriteAllText(files.KeyFile, serverKey.ExportPkcs8PrivateKeyPem());
        return new TestCertificates(ca, files);
    }

    public void Dispose() => Ca.Dispose();
}
