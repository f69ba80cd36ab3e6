using System.Buffers;
using System.Text.Json;
using TraceChain.Protocol.Json;
using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>
/// Leaf data of registry entries: RFC 8785 canonical JSON with a "kind" member, so a registration can never be
/// read as a hop. Each names the tree size it was appended at, so a repeated action (rotating back to an earlier
/// key) still gives a distinct entry.
/// </summary>
internal static class RegistryEntries
{
    public static byte[] Party(PartyRegistration party, long treeSize) => Canonical(w =>
    {
        w.WriteString("kind", "party_registered");
        w.WriteString("gln", party.Gln);
        w.WriteString("name", party.Name);
        w.WriteString("role", RoleName(party.Role));
        if (party.Latitude is { } lat && party.Longitude is { } lon)
        {
            w.WriteNumber("latitude", lat);
            w.WriteNumber("longitude", lon);
        }

        w.WriteNumber("treeSize", treeSize);
    });

    public static byte[] Device(DeviceRegistration device, long treeSize) => Canonical(w =>
    {
        w.WriteString("kind", "device_registered");
        w.WriteString("deviceId", device.DeviceId);
        w.WriteString("party", device.PartyGln);
        w.WriteBase64String("publicKey", device.PublicKeySpki);
        w.WriteNumber("treeSize", treeSize);
    });

    public static byte[] KeyRotation(string deviceId, byte[] publicKeySpki, long treeSize) => Canonical(w =>
    {
        w.WriteString("kind", "device_key_rotated");
        w.WriteString("deviceId", deviceId);
        w.WriteBase64String("publicKey", publicKeySpki);
        w.WriteNumber("treeSize", treeSize);
    });

    public static byte[] Revocation(string deviceId, long treeSize) => Canonical(w =>
    {
        w.WriteString("kind", "device_revoked");
        w.WriteString("deviceId", deviceId);
        w.WriteNumber("treeSize", treeSize);
    });

    public static string RoleName(PartyRole role) => role switch
    {
        PartyRole.Manufacturer => "manufacturer",
        PartyRole.Distributor => "distributor",
        PartyRole.Pharmacy => "pharmacy",
        PartyRole.Regulator => "regulator",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a party role."),
    };

    private static byte[] Canonical(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return CanonicalJson.Canonicalize(buffer.WrittenSpan);
    }
}
