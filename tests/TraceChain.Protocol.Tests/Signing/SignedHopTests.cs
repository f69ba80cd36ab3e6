using System.Text;
using TraceChain.Protocol.Json;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Signing;
using TraceChain.Protocol.Tests.Support;

namespace TraceChain.Protocol.Tests.Signing;

public sealed class SignedHopTests
{
    [Fact]
    public void Create_ThenVerify_WithDevicePublicKey_Succeeds()
    {
        using var device = DeviceKeys.Create();
        using var publicOnly = DeviceKeys.ImportPublicKey(DeviceKeys.ExportPublicKey(device));
        var signed = SignedHop.Create(SampleHops.Shipping(), device);
        Assert.Equal(DeviceKeys.KeyId(device), signed.KeyId);
        Assert.True(signed.Verify(publicOnly));
    }

    [Fact]
    public void Verify_ChangedHopOrOtherKey_Fails()
    {
        using var device = DeviceKeys.Create();
        using var other = DeviceKeys.Create();
        var signed = SignedHop.Create(SampleHops.Shipping(), device);
        Assert.False((signed with { Hop = SampleHops.Shipping(43) }).Verify(device));
        Assert.False(signed.Verify(other));
        Assert.False((signed with { KeyId = DeviceKeys.KeyId(other) }).Verify(device));
        Assert.False((signed with { Signature = "x" }).Verify(device));
    }

    [Fact]
    public void ToEntryBytes_IsCanonicalJsonWrappingTheHopBytes()
    {
        using var device = DeviceKeys.Create();
        var signed = SignedHop.Create(SampleHops.Packing(), device);
        var entry = signed.ToEntryBytes();
        Assert.Equal(entry, CanonicalJson.Canonicalize(entry));
        var text = Encoding.UTF8.GetString(entry);
        Assert.StartsWith("{\"hop\":" + Encoding.UTF8.GetString(TraceChain.Protocol.Hops.HopCanonicalizer.Canonicalize(signed.Hop)) + ",\"keyId\":\"", text, StringComparison.Ordinal);
        Assert.Equal(MerkleHash.Leaf(entry), signed.LeafHash());
    }

    [Fact]
    public void Parse_EntryBytes_RoundTrips()
    {
        using var device = DeviceKeys.Create();
        var signed = SignedHop.Create(SampleHops.Shipping(), device);
        var parsed = SignedHop.Parse(signed.ToEntryBytes());
        Assert.Equal(signed, parsed);
        Assert.True(parsed.Verify(device));
    }

    [Theory]
    [InlineData("{\"hop\":{}}", "'keyId' must be")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"keyId\":\"0011223344556677\",\"signature\":\"x\"}", "'hop' is required")]
    public void Parse_Malformed_NamesProblem(string json, string problem)
    {
        var error = Assert.Throws<FormatException>(() => SignedHop.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"keyId\":\"", "\"keyId\":\"A", "'keyId' must be 16 lower-case hex digits")]
    [InlineData("\"signature\":\"", "\"signature\":\"A", "'signature' must be 86 characters")]
    [InlineData("{\"hop\"", "{\"extra\":1,\"hop\"", "unknown member 'extra'")]
    public void Parse_BadMembers_NameProblem(string find, string replace, string problem)
    {
        using var device = DeviceKeys.Create();
        var json = Encoding.UTF8.GetString(SignedHop.Create(SampleHops.Shipping(), device).ToEntryBytes());
        var error = Assert.Throws<FormatException>(() => SignedHop.Parse(Encoding.UTF8.GetBytes(json.Replace(find, replace, StringComparison.Ordinal))));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
