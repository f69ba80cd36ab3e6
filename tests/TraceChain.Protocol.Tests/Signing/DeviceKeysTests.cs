using System.Security.Cryptography;
using TraceChain.Protocol.Signing;

namespace TraceChain.Protocol.Tests.Signing;

public sealed class DeviceKeysTests
{
    // RFC 6979 appendix A.2.5 (ECDSA, P-256): private key x and public key (Ux, Uy).
    private const string Rfc6979X = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    private const string Rfc6979Ux = "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6";
    private const string Rfc6979Uy = "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";

    [Fact]
    public void FromPrivateScalar_Rfc6979Key_DerivesPublishedPublicPoint()
    {
        using var key = DeviceKeys.FromPrivateScalar(Convert.FromHexString(Rfc6979X));
        var q = key.ExportParameters(false).Q;
        Assert.Equal(Rfc6979Ux, Convert.ToHexString(q.X!));
        Assert.Equal(Rfc6979Uy, Convert.ToHexString(q.Y!));
    }

    [Fact]
    public void Rfc6979SampleSignature_VerifiesWithDerivedKey()
    {
        // RFC 6979 A.2.5, SHA-256, message "sample": a deterministic signature anyone can check.
        var signature = Convert.FromHexString(
            "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8");
        using var key = DeviceKeys.FromPrivateScalar(Convert.FromHexString(Rfc6979X));
        Assert.True(DeviceSignature.Verify("sample"u8, signature, key));
        Assert.False(DeviceSignature.Verify("samplf"u8, signature, key));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void FromPrivateScalar_WrongLength_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => DeviceKeys.FromPrivateScalar(new byte[length]));
    }

    [Fact]
    public void FromPrivateScalar_Zero_ThrowsNamingProblem()
    {
        Assert.Contains("not a valid P-256 key", Assert.Throws<ArgumentException>(() => DeviceKeys.FromPrivateScalar(new byte[32])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportThenImport_PublicKey_RoundTripsAndKeepsKeyId()
    {
        using var key = DeviceKeys.Create();
        var exported = DeviceKeys.ExportPublicKey(key);
        using var imported = DeviceKeys.ImportPublicKey(exported);
        Assert.Equal(exported, DeviceKeys.ExportPublicKey(imported));
        Assert.Equal(DeviceKeys.KeyId(key), DeviceKeys.KeyId(imported));
    }

    [Fact]
    public void KeyId_IsHexOfFirstEightBytesOfSpkiHash()
    {
        using var key = DeviceKeys.Create();
        var spki = key.ExportSubjectPublicKeyInfo();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(spki)[..8]), DeviceKeys.KeyId(key));
        Assert.Equal(DeviceKeys.KeyIdLength, DeviceKeys.KeyId(key).Length);
    }

    [Fact]
    public void ImportPublicKey_OtherCurve_IsRejected()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var error = Assert.Throws<FormatException>(() => DeviceKeys.ImportPublicKey(p384.ExportSubjectPublicKeyInfo()));
        Assert.Contains("not on curve P-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportPublicKey_TrailingBytes_AreRejected()
    {
        using var key = DeviceKeys.Create();
        var error = Assert.Throws<FormatException>(() => DeviceKeys.ImportPublicKey([.. key.ExportSubjectPublicKeyInfo(), 0]));
        Assert.Contains("1 bytes after", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!", "not standard base64")]
    [InlineData("AAAA", "not a DER SubjectPublicKeyInfo")]
    public void ImportPublicKey_Garbage_NamesProblem(string text, string problem)
    {
        Assert.Contains(problem, Assert.Throws<FormatException>(() => DeviceKeys.ImportPublicKey(text)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportPublicKey_RsaKey_IsRejected()
    {
        using var rsa = RSA.Create(2048);
        Assert.Throws<FormatException>(() => DeviceKeys.ImportPublicKey(rsa.ExportSubjectPublicKeyInfo()));
    }
}
