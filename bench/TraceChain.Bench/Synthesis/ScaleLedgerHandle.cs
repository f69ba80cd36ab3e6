using TraceLedger.Packs;

namespace TraceChain.Bench.Synthesis;

/// <summary>
/// An opened scale ledger: the root of its synthesised entries, how long building it took, and whether it came from
/// the cache. Holds the cache entry's lock until disposed.
/// </summary>
public sealed class ScaleLedgerHandle(PackLedger ledger, byte[] root, double buildSeconds, bool reused, FileStream gate) : IAsyncDisposable
{
    public PackLedger Ledger { get; } = ledger;

    /// <summary>Root of the synthesised entries (before the manufacturer's registration was appended).</summary>
    public byte[] Root { get; } = root;

    public double BuildSeconds { get; } = buildSeconds;

    public bool Reused { get; } = reused;

    public async ValueTask DisposeAsync()
    {
        await Ledger.DisposeAsync();
        await gate.DisposeAsync();
    }
}
