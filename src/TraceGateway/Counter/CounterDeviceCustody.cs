using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Signing;

namespace TraceGateway.Counter;

/// <summary>
/// Server-side custody of the pharmacies' counter devices: a browser cannot hold a device key, so the gateway makes
/// one P-256 key per pharmacy, keeps it in <see cref="CounterDeviceStore"/> encrypted with Data Protection, and signs
/// the counter page's hops with it. Per pharmacy, taking a counter, signing and sending run under one lock, so hops
/// reach the ledger in counter order.
/// </summary>
public sealed class CounterDeviceCustody(Func<CancellationToken, Task<CounterDeviceStore>> openStore, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector protector = protection.CreateProtector("TraceGateway.Counter.DeviceKey.v1");
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);

    /// <summary>The pharmacy's counter device, or null when it has none.</summary>
    public async Task<CounterDevice?> FindAsync(string partyGln, CancellationToken cancellationToken) =>
        await (await openStore(cancellationToken)).FindAsync(partyGln, cancellationToken);

    /// <summary>The pharmacy's counter device, made (with a fresh key, not yet registered) when it has none.</summary>
    public async Task<CounterDevice> GetOrCreateAsync(string partyGln, CancellationToken cancellationToken)
    {
        var store = await openStore(cancellationToken);
        if (await store.FindAsync(partyGln, cancellationToken) is { } existing)
        {
            return existing;
        }

        using var key = DeviceKeys.Create();
        var device = new CounterDevice(partyGln, CounterDevice.DeviceIdFor(partyGln), DeviceKeys.KeyId(key), DeviceKeys.ExportPublicKey(key), null);
        var secret = key.ExportPkcs8PrivateKey();
        try
        {
            await store.AddAsync(device, protector.Protect(secret), time.GetUtcNow(), cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }

        // Whoever inserted first wins; read back what is stored.
        return await store.FindAsync(partyGln, cancellationToken) ?? throw new InvalidOperationException($"The counter device of {partyGln} was not stored.");
    }

    /// <summary>Records that the ledger registered the pharmacy's device in entry <paramref name="seq"/>.</summary>
    public async Task MarkRegisteredAsync(string partyGln, long seq, CancellationToken cancellationToken) =>
        await (await openStore(cancellationToken)).MarkRegisteredAsync(partyGln, seq, cancellationToken);

    /// <summary>Moves the pharmacy's device, not yet registered, to <paramref name="deviceId"/> (stored before it is registered, so a crash in between is recovered like any).</summary>
    public async Task<CounterDevice> MoveToDeviceIdAsync(CounterDevice device, string deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var store = await openStore(cancellationToken);
        await store.SetDeviceIdAsync(device.PartyGln, deviceId, cancellationToken);
        return await store.FindAsync(device.PartyGln, cancellationToken) ?? throw new InvalidOperationException($"The counter device of {device.PartyGln} is gone.");
    }

    /// <summary>True when this gateway can open the device's stored key (false after its Data Protection key ring was lost).</summary>
    public async Task<bool> CanOpenKeyAsync(string partyGln, CancellationToken cancellationToken)
    {
        var stored = await (await openStore(cancellationToken)).ReadProtectedKeyAsync(partyGln, cancellationToken);
        if (stored is null)
        {
            return false;
        }

        try
        {
            CryptographicOperations.ZeroMemory(protector.Unprotect(stored));
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces a device key this gateway can no longer open: <paramref name="rotate"/> registers the new public key in
    /// the ledger (returning the registry entry) before the new private key is stored.
    /// </summary>
    public async Task<CounterDevice> RekeyAsync(CounterDevice device, Func<string, Task<long>> rotate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(rotate);
        using var key = DeviceKeys.Create();
        var publicKey = DeviceKeys.ExportPublicKey(key);
        var seq = await rotate(publicKey);
        var secret = key.ExportPkcs8PrivateKey();
        try
        {
            await (await openStore(cancellationToken)).ReplaceKeyAsync(device.PartyGln, DeviceKeys.KeyId(key), publicKey, protector.Protect(secret), seq, cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }

        return device with { KeyId = DeviceKeys.KeyId(key), PublicKey = publicKey, RegisteredSeq = seq };
    }

    /// <summary>
    /// Moves the device's counter past <paramref name="ledgerLastCounter"/>, the last one the ledger accepted from it
    /// (after the store was restored from an older backup); durable before the next counter is taken.
    /// </summary>
    public async Task<bool> CatchUpCounterAsync(string partyGln, string deviceId, long ledgerLastCounter, CancellationToken cancellationToken) =>
        await (await openStore(cancellationToken)).AdvanceCounterAsync(partyGln, deviceId, ledgerLastCounter, cancellationToken);

    /// <summary>Holds the pharmacy's lock until disposed: one registration or one hop at a time per pharmacy.</summary>
    public async Task<IDisposable> LockAsync(string partyGln, CancellationToken cancellationToken)
    {
        var gate = locks.GetOrAdd(partyGln, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    /// <summary>Takes the device's next counter and signs the hop <paramref name="build"/> makes from the device id and that counter.</summary>
    public async Task<SignedHop> SignNextAsync(string partyGln, Func<string, long, Hop> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var store = await openStore(cancellationToken);
        var (deviceId, counter, protectedKey) = await store.TakeNextCounterAsync(partyGln, cancellationToken);
        byte[] secret;
        try
        {
            secret = protector.Unprotect(protectedKey);
        }
        catch (CryptographicException e)
        {
            throw new CounterDeviceKeyException($"The key of counter device {deviceId} cannot be opened on this gateway (its Data Protection key ring changed); renew it with POST /v1/counter-devices.", e);
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(secret, out _);
            return SignedHop.Create(build(deviceId, counter), key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
