using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace TraceLedger.Storage;

/// <summary>
/// API keys of the form <c>tlk_{16 hex}.{secret}</c>. Only SHA-256 of the whole key is stored, so a copy of the
/// database does not give anyone a usable key; the prefix before the dot finds the row.
/// </summary>
public sealed class ApiKeyStore(LedgerStore store, TimeProvider time)
{
    private const string Prefix = "tlk_";

    /// <summary>Creates a key for <paramref name="owner"/> and returns it; this is the only time it is visible.</summary>
    public async Task<string> CreateAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var keyId = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var key = keyId + "." + Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var context = store.CreateContext(connection);
        context.ApiKeys.Add(new ApiKeyRow { KeyId = keyId, SecretHash = Hash(key), Owner = owner, CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds() });
        await context.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>The owner of <paramref name="presented"/> when it is a live key, else null.</summary>
    public async Task<string?> VerifyAsync(string? presented, CancellationToken cancellationToken)
    {
        var dot = presented?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (presented is null || dot <= Prefix.Length || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var keyId = presented[..dot];
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var context = store.CreateContext(connection);
        var row = await context.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
        return row is { Revoked: false } && CryptographicOperations.FixedTimeEquals(row.SecretHash, Hash(presented)) ? row.Owner : null;
    }

    /// <summary>True when a key with this id (the part before the dot) exists and is not revoked.</summary>
    public async Task<bool> IsLiveAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var context = store.CreateContext(connection);
        return await context.ApiKeys.AnyAsync(k => k.KeyId == keyId && !k.Revoked, cancellationToken);
    }

    /// <summary>Revokes the key with this id (the part before the dot); false when there is none.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var context = store.CreateContext(connection);
        return await context.ApiKeys.Where(k => k.KeyId == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.Revoked, true), cancellationToken) == 1;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
