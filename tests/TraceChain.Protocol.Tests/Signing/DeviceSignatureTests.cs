using TraceChain.Protocol.Signing;

namespace TraceChain.Protocol.Tests.Signing;

public sealed class DeviceSignatureTests
{
    [Fact]
    public void Sign_ThenVerify_Succeeds_AndIsP1363SixtyFourBytes()
    {
        using var key = DeviceKeys.Create();
        var signature = DeviceSignature.Sign("hop"u8, key);
        Assert.Equal(DeviceSignature.Size, signature.Length);
        Assert.True(DeviceSignature.Verify("hop"u8, signature, key));
    }

    [Fact]
    public void Verify_TamperedDataSignatureOrKey_Fails()
    {
        using var key = DeviceKeys.Create();
        using var other = DeviceKeys.Create();
        var signature = DeviceSignature.Sign("hop"u8, key);
        Assert.False(DeviceSignature.Verify("hoq"u8, signature, key));
        Assert.False(DeviceSignature.Verify("hop"u8, signature, other));
        var flipped = signature.ToArray();
        flipped[10] ^= 1;
        Assert.False(DeviceSignature.Verify("hop"u8, flipped, key));
        Assert.False(DeviceSignature.Verify("hop"u8, signature[..63], key));
    }

    [Fact]
    public void Encode_IsUnpaddedBase64UrlThatDecodesBack()
    {
        using var key = DeviceKeys.Create();
        var signature = DeviceSignature.Sign("hop"u8, key);
        var text = DeviceSignature.Encode(signature);
        Assert.Equal(DeviceSignature.EncodedLength, text.Length);
        Assert.DoesNotContain('=', text);
        Assert.True(DeviceSignature.TryDecode(text, out var decoded));
        Assert.Equal(signature, decoded);
    }

    [Fact]
    public void TryDecode_NonCanonicalForms_AreRejected()
    {
        var canonical = DeviceSignature.Encode(new byte[64]);
        Assert.False(DeviceSignature.TryDecode(canonical + "==", out _), "padding");
        Assert.False(DeviceSignature.TryDecode(canonical[..^1], out _), "short");
        Assert.False(DeviceSignature.TryDecode(canonical[..^1] + "B", out _), "non-zero padding bits");
        Assert.False(DeviceSignature.TryDecode(canonical[..^2] + "+A", out _), "standard alphabet");
        Assert.False(DeviceSignature.TryDecode(null, out _));
    }
}
