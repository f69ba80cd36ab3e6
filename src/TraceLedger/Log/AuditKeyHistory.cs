using System.Security.Cryptography;
using System.Text.Json;
using TraceChain.Protocol.Signing;

namespace TraceLedger.Log;

/// <summary>
/// Device keys as the log itself records them: verify-log replays registry entries in order instead of trusting
/// the mutable devices/device_keys tables, so a key swapped in those tables cannot make a forged hop pass.
/// </summary>
internal sealed class AuditKeyHistory : IDisposable
{
    private readonly Dictionary<string, List<DeviceKeyState>> keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> revoked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> lastCounter = new(StringComparer.Ordinal);

    /// <summary>Applies a registry entry at <paramref name="seq"/>; returns a problem description or null.</summary>
    public string? Apply(long seq, string kind, JsonElement entry)
    {
        var deviceId = entry.TryGetProperty("deviceId", out var d) ? d.GetString() : null;
        if (kind is "party_registered" or "company_prefix_registered" or "batch_commissioned" or "batch_recalled")
        {
            return null;
        }

        if (deviceId is null)
        {
            return $"{kind} entry has no deviceId";
        }

        switch (kind)
        {
            case "device_registered" when keys.ContainsKey(deviceId):
                return $"device '{deviceId}' is registered twice";
            case "device_registered":
                keys[deviceId] = [Key(entry, seq)];
                return null;
            case "device_key_rotated" or "device_revoked" when !keys.ContainsKey(deviceId) || revoked.Contains(deviceId):
                return $"{kind} for device '{deviceId}' that is not active";
            case "device_key_rotated":
                Close(deviceId, seq);
                keys[deviceId].Add(Key(entry, seq));
                return null;
            case "device_revoked":
                Close(deviceId, seq);
                revoked.Add(deviceId);
                return null;
            default:
                return $"unknown entry kind '{kind}'";
        }
    }

    /// <summary>The key device and key id of <paramref name="hop"/> name at <paramref name="seq"/>, or null with the problem.</summary>
    public DeviceKeyState? ResolveKey(long seq, SignedHop hop, out string? problem)
    {
        var deviceId = hop.Hop.DeviceId;
        problem = null;
        if (!keys.TryGetValue(deviceId, out var history))
        {
            problem = $"hop from device '{deviceId}' that the log never registered";
            return null;
        }

        var key = history.Find(k => k.KeyId == hop.KeyId && k.ValidAt(seq));
        problem = key is null ? $"hop signed with key {hop.KeyId}, which device '{deviceId}' did not hold at this point" : null;
        return key;
    }

    /// <summary>Null when the hop's counter rises above the device's previous one in the log, else the problem.</summary>
    public string? CheckCounter(SignedHop hop)
    {
        var deviceId = hop.Hop.DeviceId;
        if (lastCounter.TryGetValue(deviceId, out var last) && hop.Hop.Counter <= last)
        {
            return $"counter {hop.Hop.Counter} of device '{deviceId}' is not above {last}";
        }

        lastCounter[deviceId] = hop.Hop.Counter;
        return null;
    }

    public void Dispose()
    {
        foreach (var key in keys.Values.SelectMany(k => k))
        {
            key.PublicKey.Dispose();
        }
    }

    private static DeviceKeyState Key(JsonElement entry, long seq)
    {
        var spki = entry.GetProperty("publicKey").GetBytesFromBase64();
        ECDsa publicKey = DeviceKeys.ImportPublicKey(spki);
        return new DeviceKeyState(DeviceKeys.KeyId(spki), spki, publicKey, seq, null);
    }

    private void Close(string deviceId, long seq)
    {
        var list = keys[deviceId];
        var index = list.FindIndex(k => k.IsCurrent);
        if (index >= 0)
        {
            list[index] = list[index] with { ValidUntilSeq = seq };
        }
    }
}
