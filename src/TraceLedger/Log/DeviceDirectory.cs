using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TraceChain.Protocol.Signing;
using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>
/// In-memory copy of devices and their keys. The appender is the only writer of the file, so after loading it
/// changes only on commits the appender makes (and it reloads a device after each registry commit).
/// </summary>
internal sealed class DeviceDirectory
{
    // Concurrent: appenders read it to verify signatures before they take the writer lock; writes happen under it,
    // and always replace a device's whole state object, so a reader can tell by reference that it changed.
    private readonly ConcurrentDictionary<string, DeviceState> devices = new(StringComparer.Ordinal);

    public DeviceState? Find(string deviceId) => devices.GetValueOrDefault(deviceId);

    /// <summary>Loads every device, or only <paramref name="deviceId"/> when given.</summary>
    public void Load(LedgerDbContext context, string? deviceId)
    {
        // Synchronous: it runs on the writer's connection right after a commit, still under the writer lock.
        var rows = context.Devices.AsNoTracking()
            .Where(d => deviceId == null || d.DeviceId == deviceId)
            .ToList();
        var keys = context.DeviceKeys.AsNoTracking()
            .Where(k => deviceId == null || k.DeviceId == deviceId)
            .OrderBy(k => k.ValidFromSeq)
            .ToList();
        var keysByDevice = keys.ToLookup(k => k.DeviceId, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var states = keysByDevice[row.DeviceId]
                .Select(k => new DeviceKeyState(DeviceKeys.KeyId(k.PublicKey), k.PublicKey, DeviceKeys.ImportPublicKey(k.PublicKey), k.ValidFromSeq, k.ValidUntilSeq))
                .ToList();
            devices[row.DeviceId] = new DeviceState(row.DeviceId, row.PartyGln, row.Active, row.LastCounter, states);
        }
    }
}
