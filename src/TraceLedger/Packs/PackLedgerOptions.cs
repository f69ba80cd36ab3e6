using TraceLedger.Log;

namespace TraceLedger.Packs;

/// <summary>How to open a ledger with the pack lifecycle.</summary>
/// <param name="Ledger">The log's options (its <see cref="LedgerOptions.Rules"/> are replaced by the pack rules, its clock is the lifecycle's).</param>
/// <param name="ScratchSecret">Key of the scratch-code hashes.</param>
public sealed record PackLedgerOptions(LedgerOptions Ledger, ScratchSecret ScratchSecret)
{
    /// <summary>Lifecycle policy settings.</summary>
    public PackPolicy Policy { get; init; } = new();
}
