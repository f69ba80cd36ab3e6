using TraceLedger.Storage;

namespace TraceGateway.Security;

/// <summary>Gateway API keys over the ledger's hash-only key store (<see cref="ApiKeyStore"/>).</summary>
public sealed class GatewayKeys(Func<ApiKeyStore> store)
{
    /// <summary>Issues a key for <paramref name="owner"/>; the plain key is returned only here.</summary>
    public Task<string> CreateAsync(ApiKeyOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return store().CreateAsync(owner.ToString(), cancellationToken);
    }

    /// <summary>The holder of a live gateway key, else null.</summary>
    public async Task<ApiKeyOwner?> VerifyAsync(string? presented, CancellationToken cancellationToken) =>
        ApiKeyOwner.Parse(await store().VerifyAsync(presented, cancellationToken));

    /// <summary>Revokes the key with this id (the part before the dot); false when there is none.</summary>
    public Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken) => store().RevokeAsync(keyId, cancellationToken);

    /// <summary>The public id of a key: the part before the dot.</summary>
    public static string KeyIdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? key : key[..dot];
    }
}
