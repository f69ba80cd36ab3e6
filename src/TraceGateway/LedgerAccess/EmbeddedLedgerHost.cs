using Microsoft.Extensions.Options;
using TraceLedger.Log;
using TraceLedger.Packs;

namespace TraceGateway.LedgerAccess;

/// <summary>Opens the in-process ledger (with the pack lifecycle) when the gateway starts and closes it when it stops.</summary>
public sealed class EmbeddedLedgerHost(IOptions<LedgerSettings> settings, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private PackLedger? packs;

    /// <summary>The open ledger with its pack lifecycle; throws <see cref="LedgerUnavailableException"/> before start or after stop.</summary>
    public PackLedger Packs => packs ?? throw new LedgerUnavailableException("The embedded ledger is not open.");

    /// <summary>The log underneath.</summary>
    public Ledger Ledger => Packs.Ledger;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var s = settings.Value;
        var options = new LedgerOptions(s.Database, s.KeyPath, s.Origin) { Time = time };
        packs = await PackLedger.OpenAsync(new PackLedgerOptions(options, ScratchSecret.LoadOrCreate(s.ScratchSecretPath ?? s.Database + ".scratch")), cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref packs, null) is { } open)
        {
            await open.DisposeAsync();
        }
    }
}
