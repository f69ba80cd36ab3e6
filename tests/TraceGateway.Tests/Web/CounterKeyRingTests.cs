using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using TraceGateway.Security;
using TraceGateway.Tests.Support;

namespace TraceGateway.Tests.Web;

/// <summary>The Data Protection key ring encrypted at rest to a configured certificate (<c>Counter:KeyRingCertificate</c>), read back by the next start with it, refused without it.</summary>
public sealed class CounterKeyRingTests : IDisposable
{
    private const string Password = "ring pass";
    private readonly string directory = Directory.CreateTempSubdirectory("key-ring-test-").FullName;

    private string Ring => Path.Combine(directory, "ring");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task KeyRing_EncryptedToTheCertificate_HoldsNoPlainKey_IsReadByTheNextStartWithIt_AndRefusedWithoutIt()
    {
        var (certificate, thumbprint) = Pfx("ring", Password);
        var settings = Settings(certificate, Password);
        string cookieProtected;
        await using (var first = await GatewayHost.StartAsync(LedgerMode.Embedded, settings))
        {
            // A counter session and a counter device: the session cookie and the device's private key are both protected with the ring.
            using var admin = await first.ClientAsync(GatewayRoles.Admin);
            using var manufacturer = await first.ClientAsync(GatewayRoles.Manufacturer);
            await CounterScenario.SeedAsync(admin, manufacturer);
            using var browser = new CounterBrowser(first.Browser());
            using var signIn = await browser.SignInAsync(await first.KeyAsync(GatewayRoles.Pharmacy));
            Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
            Assert.Equal("dispensed", CounterBrowser.Verdict(await browser.ScanAsync(CounterScenario.Scan(1), "dispense")));
            cookieProtected = Protector(first).Protect("kept across restarts");
        }

        var keys = Directory.GetFiles(Ring, "key-*.xml");
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = await File.ReadAllTextAsync(key);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }

        await using (var again = await GatewayHost.StartAsync(LedgerMode.Embedded, settings))
        {
            Assert.Equal("kept across restarts", Protector(again).Unprotect(cookieProtected));
        }

        var without = await StartFailureAsync(new Dictionary<string, string?> { ["Counter:KeyRingDirectory"] = Ring });
        Assert.Contains($"encrypted to certificate {thumbprint}, but no certificate is configured", without, StringComparison.Ordinal);
        Assert.Contains("Counter:KeyRingCertificate", without, StringComparison.Ordinal);

        var (other, otherThumbprint) = Pfx("other", Password);
        var wrong = await StartFailureAsync(Settings(other, Password));
        Assert.Contains($"encrypted to certificate {thumbprint}, but certificate {otherThumbprint} is configured", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRing_StoredUnencrypted_StaysReadableWhenACertificateIsConfiguredLater()
    {
        string protectedText;
        await using (var plain = await GatewayHost.StartAsync(LedgerMode.Embedded, new Dictionary<string, string?> { ["Counter:KeyRingDirectory"] = Ring }))
        {
            protectedText = Protector(plain).Protect("from before the certificate");
        }

        Assert.All(Directory.GetFiles(Ring, "key-*.xml"), key => Assert.DoesNotContain("encryptedSecret", File.ReadAllText(key), StringComparison.Ordinal));
        var (certificate, _) = Pfx("later", Password);
        await using var encrypted = await GatewayHost.StartAsync(LedgerMode.Embedded, Settings(certificate, Password));
        Assert.Equal("from before the certificate", Protector(encrypted).Unprotect(protectedText));
    }

    [Fact]
    public async Task KeyRingCertificate_Replaced_ReadsTheOldKeysWithTheRetiredOne_EncryptsNewKeysToTheNewOne_AndRefusesToStartWithoutTheRetired()
    {
        var (old, oldThumbprint) = Pfx("old", Password);
        string protectedText;
        await using (var before = await GatewayHost.StartAsync(LedgerMode.Embedded, Settings(old, Password)))
        {
            protectedText = Protector(before).Protect("from the old certificate's time");
        }

        var (current, currentThumbprint) = Pfx("new", "new pass");
        var rotated = Settings(current, "new pass");
        rotated["Counter:KeyRingRetiredCertificates:0:File"] = old;
        rotated["Counter:KeyRingRetiredCertificates:0:Password"] = Password;
        await using (var after = await GatewayHost.StartAsync(LedgerMode.Embedded, rotated))
        {
            Assert.Equal("from the old certificate's time", Protector(after).Unprotect(protectedText));
            var created = after.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
            var xml = await File.ReadAllTextAsync(Path.Combine(Ring, $"key-{created.KeyId}.xml"));
            using var embedded = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(System.Text.RegularExpressions.Regex.Match(xml, "<X509Certificate>([^<]+)</X509Certificate>").Groups[1].Value));
            Assert.Equal(currentThumbprint, embedded.Thumbprint);
        }

        var withoutRetired = await StartFailureAsync(Settings(current, "new pass"));
        Assert.Contains($"encrypted to certificate {oldThumbprint}, but certificate {currentThumbprint} is configured", withoutRetired, StringComparison.Ordinal);
        Assert.Contains("Counter:KeyRingRetiredCertificates", withoutRetired, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRing_WithADamagedKeyFile_RefusesTheStartNamingTheFile()
    {
        var (certificate, _) = Pfx("ring", Password);
        await using (var first = await GatewayHost.StartAsync(LedgerMode.Embedded, Settings(certificate, Password)))
        {
            Protector(first).Protect("makes the first key");
        }

        // Data Protection cannot read a ring holding a file like this one: sessions and device keys would all fail later.
        var damaged = Path.Combine(Ring, "key-00000000-0000-0000-0000-000000000000.xml");
        await File.WriteAllTextAsync(damaged, "<key id=\"00000000-0000-0000-0000-000000000000\"><encryptedSecret");
        var error = await StartFailureAsync(Settings(certificate, Password));
        Assert.Contains($"the Data Protection key file {damaged} is damaged", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "Counter:KeyRingCertificate {file} does not exist")]
    [InlineData("wrong password", "Counter:KeyRingCertificate {file} is not a PKCS#12 file readable with Counter:KeyRingCertificatePassword")]
    [InlineData("no private key", "Counter:KeyRingCertificate {file} holds no RSA private key")]
    [InlineData("ecdsa key", "Counter:KeyRingCertificate {file} holds no RSA private key")]
    [InlineData("password only", "Counter:KeyRingCertificatePassword is set without Counter:KeyRingCertificate")]
    [InlineData("retired only", "Counter:KeyRingRetiredCertificates are set without Counter:KeyRingCertificate")]
    [InlineData("retired missing", "Counter:KeyRingRetiredCertificates:0:File {file} does not exist")]
    public async Task KeyRingCertificate_Unusable_FailsTheStartNamingTheSetting(string problem, string expected)
    {
        var file = Path.Combine(directory, "ring.pfx");
        var settings = problem switch
        {
            "missing" => Settings(file, Password),
            "wrong password" => Settings(Pfx("ring", Password).File, "not the password"),
            "no private key" => Settings(PublicOnlyPfx(), Password),
            "ecdsa key" => Settings(EcdsaPfx(), Password),
            "retired only" => new Dictionary<string, string?> { ["Counter:KeyRingDirectory"] = Ring, ["Counter:KeyRingRetiredCertificates:0:File"] = Pfx("ring", Password).File },
            "retired missing" => new Dictionary<string, string?>(Settings(Pfx("current", Password).File, Password)) { ["Counter:KeyRingRetiredCertificates:0:File"] = file },
            _ => new Dictionary<string, string?> { ["Counter:KeyRingDirectory"] = Ring, ["Counter:KeyRingCertificatePassword"] = Password },
        };
        Assert.Contains(expected.Replace("{file}", file, StringComparison.Ordinal), await StartFailureAsync(settings), StringComparison.Ordinal);
    }

    private static IDataProtector Protector(GatewayHost host) => host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("CounterKeyRingTests");

    private static async Task<string> StartFailureAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await GatewayHost.StartAsync(LedgerMode.Embedded, settings);
        });
        return error.ToString();
    }

    private Dictionary<string, string?> Settings(string certificate, string password) => new()
    {
        ["Counter:KeyRingDirectory"] = Ring,
        ["Counter:KeyRingCertificate"] = certificate,
        ["Counter:KeyRingCertificatePassword"] = password,
    };

    /// <summary>A self-signed RSA certificate with its key, as a PKCS#12 file.</summary>
    private (string File, string Thumbprint) Pfx(string name, string password)
    {
        using var key = RSA.Create(2048);
        using var certificate = SelfSigned(new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return (Write(name, certificate.Export(X509ContentType.Pkcs12, password)), certificate.Thumbprint);
    }

    private string PublicOnlyPfx()
    {
        using var key = RSA.Create(2048);
        using var certificate = SelfSigned(new CertificateRequest("CN=ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        return Write("ring", publicOnly.Export(X509ContentType.Pkcs12, Password));
    }

    private string EcdsaPfx()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(new CertificateRequest("CN=ring", key, HashAlgorithmName.SHA256));
        return Write("ring", certificate.Export(X509ContentType.Pkcs12, Password));
    }

    private static X509Certificate2 SelfSigned(CertificateRequest request) =>
        request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

    private string Write(string name, byte[] pfx)
    {
        var file = Path.Combine(directory, name + ".pfx");
        File.WriteAllBytes(file, pfx);
        return file;
    }
}
