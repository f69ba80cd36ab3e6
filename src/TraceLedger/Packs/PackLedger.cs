using TraceLedger.Log;
using TraceLedger.Packs.Storage;

namespace TraceLedger.Packs;

/// <summary>
/// A ledger with the pack lifecycle on its append hook, and the lifecycle's services: commissioning and recalls,
/// verdicts, pack operations and alerts. What the gateway calls in-process; <c>TraceLedger serve</c> exposes it.
/// </summary>
public sealed class PackLedger : IAsyncDisposable
{
    private PackLedger(Ledger ledger, PackRules rules, ScratchSecret secret)
    {
        Ledger = ledger;
        Rules = rules;
        Commissioning = new CommissioningService(ledger.Log, rules, secret);
        Verdicts = new VerdictService(ledger.Log, rules, secret);
        Packs = new PackService(ledger);
        Alerts = new AlertService(ledger.Log, rules);
    }

    /// <summary>The log underneath (append, proofs, registry).</summary>
    public Ledger Ledger { get; }

    /// <summary>The lifecycle rules (policy, clock).</summary>
    public PackRules Rules { get; }

    /// <summary>Company prefixes, commissioning, recalls.</summary>
    public CommissioningService Commissioning { get; }

    /// <summary>Verdicts for scanned packs.</summary>
    public VerdictService Verdicts { get; }

    /// <summary>Pack operations as signed hops, and pack status.</summary>
    public PackService Packs { get; }

    /// <summary>Alerts: list, filter, close.</summary>
    public AlertService Alerts { get; }

    /// <summary>Opens the ledger with the pack rules and migrates the pack tables.</summary>
    public static async Task<PackLedger> OpenAsync(PackLedgerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = new PackRules(options.Policy, options.Ledger.Time);
        var ledger = await Ledger.OpenAsync(options.Ledger with { Rules = rules }, cancellationToken);
        try
        {
            await using (var connection = await ledger.Log.Store.OpenConnectionAsync(cancellationToken))
            {
                await PackSchema.MigrateAsync(connection, cancellationToken);
            }

            return new PackLedger(ledger, rules, options.ScratchSecret);
        }
        catch
        {
            await ledger.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Verdicts.Dispose();
        await Ledger.DisposeAsync();
    }
}
