using Microsoft.Extensions.Options;
using TraceLedger.Log;

namespace TraceGateway.LedgerAccess;

/// <summary>Opens the in-process ledger when the gateway starts and closes it when it stops.</summary>
public sealed class EmbeddedLedgerHost(IOptions<LedgerSettings> settings, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private Ledger? ledger;

    /// <summary>The open ledger; throws <see cref="LedgerUnavailableException"/> before start or after stop.</summary>
    public Ledger Ledger => ledger ?? throw new LedgerUnavailableException("The embedded ledger is not open.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var s = settings.Value;
        ledger = await Ledger.OpenAsync(new LedgerOptions(s.Database, s.KeyPath, s.Origin) { Time = time }, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref ledger, null) is { } open)
        {
            await open.DisposeAsync();
        }
    }
}
