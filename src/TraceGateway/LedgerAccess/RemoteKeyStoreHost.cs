using Microsoft.Extensions.Options;
using TraceLedger.Storage;

namespace TraceGateway.LedgerAccess;

/// <summary>
/// In remote-ledger mode the gateway's own API keys live in a local file with the ledger's key-store schema, so the
/// same hash-only store serves both modes and the remote ledger never sees gateway keys.
/// </summary>
public sealed class RemoteKeyStoreHost(IOptions<LedgerSettings> settings, TimeProvider time) : IHostedService
{
    private ApiKeyStore? keys;

    /// <summary>The open store; throws <see cref="LedgerUnavailableException"/> before start.</summary>
    public ApiKeyStore Keys => keys ?? throw new LedgerUnavailableException("The gateway's key store is not open.");

    public async Task StartAsync(CancellationToken cancellationToken) =>
        keys = new ApiKeyStore(await LedgerStore.OpenAsync(settings.Value.KeysDatabase, cancellationToken), time);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
