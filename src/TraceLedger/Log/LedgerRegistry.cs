using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Signing;
using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>
/// Registers parties and devices, rotates device keys and revokes devices. Each action is itself a log entry
/// (its own kind in the leaf data) written in the same transaction as the table rows it changes.
/// </summary>
internal sealed class LedgerRegistry(LogWriter log, DeviceDirectory devices)
{
    public Task<long> RegisterPartyAsync(PartyRegistration party, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(party);
        Require(GlnFormat.Problem(party.Gln));
        Require(string.IsNullOrWhiteSpace(party.Name) || party.Name.Length > 200 ? "party name must be 1-200 characters" : null);
        Require(Enum.IsDefined(party.Role) ? null : $"role {(int)party.Role} is not a party role");
        Require((party.Latitude is null) != (party.Longitude is null) ? "give both latitude and longitude, or neither" : null);
        Require(party.Latitude is < -90 or > 90 || party.Longitude is < -180 or > 180 ? "latitude must be within ±90 and longitude within ±180" : null);
        return WriteAsync(null, (context, batch) =>
        {
            Require(context.Parties.Any(p => p.Gln == party.Gln) ? $"party {party.Gln} is already registered" : null);
            var seq = Append(batch, EntryKind.PartyRegistered, RegistryEntries.Party(party, batch.NextSeq), null);
            context.Parties.Add(new PartyRow
            {
                Gln = party.Gln,
                Name = party.Name,
                Role = party.Role,
                Latitude = party.Latitude,
                Longitude = party.Longitude,
                RegisteredSeq = seq,
            });
            return seq;
        }, cancellationToken);
    }

    public Task<long> RegisterDeviceAsync(DeviceRegistration device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        RequireDeviceId(device.DeviceId);
        RequireKey(device.PublicKeySpki);
        return WriteAsync(device.DeviceId, (context, batch) =>
        {
            Require(context.Parties.Any(p => p.Gln == device.PartyGln) ? null : $"party {device.PartyGln} is not registered");
            Require(context.Devices.Any(d => d.DeviceId == device.DeviceId) ? $"device '{device.DeviceId}' is already registered" : null);
            var seq = Append(batch, EntryKind.DeviceRegistered, RegistryEntries.Device(device, batch.NextSeq), device.DeviceId);
            context.Devices.Add(new DeviceRow { DeviceId = device.DeviceId, PartyGln = device.PartyGln, Active = true, LastCounter = -1, RegisteredSeq = seq });
            context.DeviceKeys.Add(new DeviceKeyRow { DeviceId = device.DeviceId, PublicKey = device.PublicKeySpki, ValidFromSeq = seq });
            return seq;
        }, cancellationToken);
    }

    public Task<long> RotateDeviceKeyAsync(string deviceId, byte[] publicKeySpki, CancellationToken cancellationToken)
    {
        RequireKey(publicKeySpki);
        return WriteAsync(deviceId, (context, batch) =>
        {
            var row = ActiveDevice(context, deviceId);
            var current = context.DeviceKeys.Single(k => k.DeviceId == deviceId && k.ValidUntilSeq == null);
            Require(current.PublicKey.AsSpan().SequenceEqual(publicKeySpki) ? $"device '{deviceId}' already uses this key" : null);
            var seq = Append(batch, EntryKind.DeviceKeyRotated, RegistryEntries.KeyRotation(deviceId, publicKeySpki, batch.NextSeq), deviceId);
            current.ValidUntilSeq = seq;
            context.DeviceKeys.Add(new DeviceKeyRow { DeviceId = row.DeviceId, PublicKey = publicKeySpki, ValidFromSeq = seq });
            return seq;
        }, cancellationToken);
    }

    public Task<long> RevokeDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        WriteAsync(deviceId, (context, batch) =>
        {
            var row = ActiveDevice(context, deviceId);
            var seq = Append(batch, EntryKind.DeviceRevoked, RegistryEntries.Revocation(deviceId, batch.NextSeq), deviceId);
            row.Active = false;
            row.RevokedSeq = seq;
            foreach (var key in context.DeviceKeys.Where(k => k.DeviceId == deviceId && k.ValidUntilSeq == null))
            {
                key.ValidUntilSeq = seq;
            }

            return seq;
        }, cancellationToken);

    private Task<long> WriteAsync(string? deviceId, Func<LedgerDbContext, WriteBatch, long> body, CancellationToken cancellationToken) =>
        log.WriteAsync(batch =>
        {
            using var context = log.Store.CreateContext(batch.Connection);
            context.Database.UseTransaction(batch.Transaction);
            var seq = body(context, batch);
            context.SaveChanges();
            if (deviceId is not null)
            {
                batch.AfterCommit.Add(() =>
                {
                    using var reload = log.Store.CreateContext(batch.Connection);
                    devices.Load(reload, deviceId);
                });
            }

            return seq;
        }, cancellationToken);

    private static long Append(WriteBatch batch, EntryKind kind, byte[] entry, string? deviceId) =>
        batch.Append(kind, entry, MerkleHash.Leaf(entry), SHA256.HashData(entry), deviceId, null, []);

    private static DeviceRow ActiveDevice(LedgerDbContext context, string deviceId)
    {
        var row = context.Devices.SingleOrDefault(d => d.DeviceId == deviceId) ?? throw new RegistryException($"device '{deviceId}' is not registered");
        return row.Active ? row : throw new RegistryException($"device '{deviceId}' is revoked");
    }

    private static void RequireDeviceId(string deviceId) =>
        Require(deviceId is { Length: >= 1 and <= 64 } && deviceId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-')
            ? null
            : $"device id '{deviceId}' must be 1-64 characters of A-Z a-z 0-9 . _ : -");

    private static void RequireKey(byte[] spki)
    {
        try
        {
            using var key = DeviceKeys.ImportPublicKey(spki ?? []);
        }
        catch (FormatException e)
        {
            throw new RegistryException("public key: " + e.Message, e);
        }
    }

    private static void Require(string? problem)
    {
        if (problem is not null)
        {
            throw new RegistryException(problem);
        }
    }
}
