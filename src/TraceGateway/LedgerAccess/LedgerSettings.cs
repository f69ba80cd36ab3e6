namespace TraceGateway.LedgerAccess;

/// <summary>
/// Configuration section <c>Ledger</c>. With <see cref="Url"/> unset the ledger runs inside the gateway over
/// <see cref="Database"/>; with it set the gateway talks to that <c>TraceLedger serve</c>.
/// </summary>
public sealed class LedgerSettings
{
    public const string Section = "Ledger";

    /// <summary>Base URL of a separate ledger service, e.g. http://127.0.0.1:5080/.</summary>
    public Uri? Url { get; set; }

    /// <summary>The remote ledger's registry API key (<c>TraceLedger api-key</c>), sent as a bearer token.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Seconds to wait for the remote ledger.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The embedded ledger's SQLite file.</summary>
    public string Database { get; set; } = "data/ledger.db";

    /// <summary>The embedded ledger's checkpoint signing key; default next to the database.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The embedded ledger's scratch-code hash key (created with mode 0600 if missing); default next to the database.</summary>
    public string? ScratchSecretPath { get; set; }

    /// <summary>The embedded ledger's origin (log name in checkpoints).</summary>
    public string Origin { get; set; } = TraceLedger.Log.LedgerOptions.DefaultOrigin;

    /// <summary>Where the gateway keeps API keys in remote mode (in embedded mode they live in the ledger's file).</summary>
    public string KeysDatabase { get; set; } = "data/gateway-keys.db";

    public bool IsRemote => Url is not null;
}
