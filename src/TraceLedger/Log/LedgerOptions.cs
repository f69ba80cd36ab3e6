namespace TraceLedger.Log;

/// <summary>How to open a ledger.</summary>
/// <param name="DatabasePath">The SQLite file (created and migrated if needed).</param>
/// <param name="KeyPath">The log's checkpoint signing key (PKCS#8 PEM, created with mode 0600 if missing); defaults to <c>{DatabasePath}.key</c>.</param>
/// <param name="Origin">The log's name in checkpoints (C2SP origin), also the note key name.</param>
public sealed record LedgerOptions(string DatabasePath, string? KeyPath = null, string Origin = LedgerOptions.DefaultOrigin)
{
    /// <summary>The origin used when none is configured.</summary>
    public const string DefaultOrigin = "tracechain.local/ledger";

    /// <summary>Pack-lifecycle rules evaluated inside each append transaction; none by default.</summary>
    public IHopRule Rules { get; init; } = new NoHopRules();

    /// <summary>Clock for receipt and checkpoint times.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Stands in for the WAL's fdatasync when set (tests: a disk whose sync fails); null for the real one.</summary>
    internal Func<Exception?>? WalSync { get; init; }

    /// <summary>How long the WAL sync after a commit answered at commit may wait (see <see cref="LogWriter.CommittedSyncDelay"/>; tests set it).</summary>
    internal TimeSpan CommittedSyncDelay { get; init; } = LogWriter.CommittedSyncDelay;

    /// <summary>The key path actually used.</summary>
    public string EffectiveKeyPath => KeyPath ?? DatabasePath + ".key";
}
