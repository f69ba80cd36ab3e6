using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using TraceLedger.Storage;

namespace TraceGateway.Security;

/// <summary>
/// Gateway API keys over the ledger's hash-only key store (<see cref="ApiKeyStore"/>), with the keys verified lately
/// cached in memory: asking the store opens a SQLite connection and runs a query, which cost a third of the CPU of a
/// verify request under load (profile in BENCHMARKS.md). The cache is keyed by SHA-256 of the presented key (the
/// plain key is not kept), holds only keys the store accepted, and forgets an entry after
/// <see cref="CacheLifetime"/>. A key revoked through <see cref="RevokeAsync"/> stops working at once; one revoked
/// by another process writing the same key file (<c>TraceLedger api-key --revoke</c>) within <see cref="CacheLifetime"/>.
/// </summary>
public sealed class GatewayKeys(Func<ApiKeyStore> store, TimeProvider time)
{
    /// <summary>How long a verified key is trusted before the store is asked again.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    // Bounds memory against a flood of distinct valid keys; real deployments have far fewer live keys.
    private const int CacheCapacity = 10_000;

    private readonly ConcurrentDictionary<string, CachedKey> verified = new(StringComparer.Ordinal);
    private readonly Lock invalidation = new();
    private long generation;

    /// <summary>Issues a key for <paramref name="owner"/>; the plain key is returned only here.</summary>
    public Task<string> CreateAsync(ApiKeyOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return store().CreateAsync(owner.ToString(), cancellationToken);
    }

    /// <summary>The holder of a live gateway key, else null.</summary>
    public async Task<ApiKeyOwner?> VerifyAsync(string? presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var cacheKey = CacheKey(presented);
        var now = time.GetUtcNow();
        if (verified.TryGetValue(cacheKey, out var hit) && hit.ExpiresAt > now)
        {
            return hit.Owner;
        }

        // A revocation that starts after this read bumps the generation, so a row read before it commits is not cached.
        var seen = Volatile.Read(ref generation);
        var owner = ApiKeyOwner.Parse(await store().VerifyAsync(presented, cancellationToken));
        lock (invalidation)
        {
            if (owner is null)
            {
                verified.TryRemove(cacheKey, out _);
            }
            else if (generation == seen)
            {
                if (verified.Count >= CacheCapacity)
                {
                    verified.Clear();
                }

                verified[cacheKey] = new CachedKey(owner, KeyIdOf(presented), now + CacheLifetime);
            }
        }

        return owner;
    }

    /// <summary>True when the key with this id (the part before the dot) exists and is not revoked; asks the store every time.</summary>
    public Task<bool> IsLiveAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return store().IsLiveAsync(keyId, cancellationToken);
    }

    /// <summary>Revokes the key with this id (the part before the dot); false when there is none. The key fails at once.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        try
        {
            return await store().RevokeAsync(keyId, cancellationToken);
        }
        finally
        {
            Forget(keyId);
        }
    }

    /// <summary>The public id of a key: the part before the dot.</summary>
    public static string KeyIdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? key : key[..dot];
    }

    private void Forget(string keyId)
    {
        lock (invalidation)
        {
            generation++;
            foreach (var (cacheKey, entry) in verified)
            {
                if (string.Equals(entry.KeyId, keyId, StringComparison.Ordinal))
                {
                    verified.TryRemove(cacheKey, out _);
                }
            }
        }
    }

    private static string CacheKey(string presented) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    private sealed record CachedKey(ApiKeyOwner Owner, string KeyId, DateTimeOffset ExpiresAt);
}
