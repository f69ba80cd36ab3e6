using System.Text;
using TraceChain.Protocol.Signing;
using TraceLedger.Log;
using TraceLedger.Storage;
using TraceLedger.Tests.Support;

namespace TraceLedger.Tests.Log;

/// <summary>Registry leaf data is part of what verifiers hash: its bytes are pinned by golden files.</summary>
public sealed class RegistryEntriesTests
{
    [Fact]
    public void RegistryEntries_MatchGoldenCanonicalBytes()
    {
        using var key = DeviceKeys.FromPrivateScalar(Convert.FromHexString("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721"));
        var spki = DeviceKeys.SubjectPublicKeyInfo(key);

        var entries = new Dictionary<string, byte[]>
        {
            ["party_registered.json"] = RegistryEntries.Party(new PartyRegistration("4012345000009", "Shanghai Pharmacy 上海", PartyRole.Pharmacy, 31.2304, 121.4737), 0),
            ["device_registered.json"] = RegistryEntries.Device(new DeviceRegistration("scanner-01", "4012345000009", spki), 1),
            ["device_key_rotated.json"] = RegistryEntries.KeyRotation("scanner-01", spki, 7),
            ["device_revoked.json"] = RegistryEntries.Revocation("scanner-01", 9),
        };

        foreach (var (file, bytes) in entries)
        {
            var golden = File.ReadAllText(RepoFiles.PathOf("testdata", "ledger", file)).TrimEnd('\n');
            Assert.Equal(golden, Encoding.UTF8.GetString(bytes));
        }
    }
}
