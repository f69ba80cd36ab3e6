namespace TraceLedger.Log;

/// <summary>What the appender knows about one device: party, status, last accepted counter and every key it had.</summary>
internal sealed class DeviceState(string deviceId, string partyGln, bool active, long lastCounter, List<DeviceKeyState> keys)
{
    public string DeviceId { get; } = deviceId;

    public string PartyGln { get; } = partyGln;

    public bool Active { get; set; } = active;

    public long LastCounter { get; set; } = lastCounter;

    public List<DeviceKeyState> Keys { get; } = keys;

    public DeviceKeyState? FindKey(string keyId) => Keys.Find(k => k.KeyId == keyId);
}
