namespace TraceLedger.Api;

/// <summary>Arguments every TraceChain web host is built with.</summary>
public static class HostArguments
{
    /// <summary>
    /// The host would watch its content root, recursively, for changes to appsettings.json. The ledger's SQLite files
    /// live under it by default and change on every commit, so the watcher thread woke and ran stat for each write
    /// (5 % of the CPU of verify over HTTP). Settings are read once at start; a restart applies a changed file.
    /// </summary>
    public const string NoConfigReload = "--hostBuilder:reloadConfigOnChange=false";

    /// <summary><paramref name="args"/> followed by <see cref="NoConfigReload"/> (so it wins over a given value).</summary>
    public static string[] With(IEnumerable<string>? args) => [.. args ?? [], NoConfigReload];
}
