using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TraceLedger.Log;
using TraceLedger.Packs;

namespace TraceChain.Bench.Synthesis;

/// <summary>
/// Keeps built scale ledgers between benchmark runs, because building 10 million entries and packs takes minutes
/// on a shared machine. A file is reused only when its manifest names the same product schema (newest migration
/// of the log and of the pack tables, and the builder's version) and sizes, and it passes
/// <see cref="ScaleLedger.VerifyAsync"/> when opened; otherwise it is rebuilt. The manifest is written last, so an
/// interrupted build is never reused. Measuring only reads (verdict lookups and proofs), so a reused file is
/// exactly the file that was built.
/// </summary>
/// <param name="Directory">Where the files live; <c>TRACECHAIN_BENCH_CACHE</c> overrides the default under the temp folder.</param>
public sealed record ScaleLedgerCache(string Directory)
{
    /// <summary>Environment variable naming the cache folder; <c>off</c> rebuilds every time in the run's scratch folder.</summary>
    public const string Variable = "TRACECHAIN_BENCH_CACHE";

    /// <summary>The cache named by <see cref="Variable"/>, the default one, or null when caching is off.</summary>
    public static ScaleLedgerCache? FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        return string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase) ? null
            : new ScaleLedgerCache(string.IsNullOrWhiteSpace(configured) ? Path.Combine(Path.GetTempPath(), "tracechain-bench-cache") : configured);
    }

    /// <summary>
    /// Opens the cached ledger of these sizes, building (and caching) it first when there is no valid one. A build
    /// that takes longer than <paramref name="buildAllowance"/> is abandoned with a <see cref="TimeoutException"/>,
    /// so one missing cache entry cannot eat the whole harness's time budget.
    /// </summary>
    public async Task<ScaleLedgerHandle> OpenAsync(long entries, SyntheticPacks packs, TimeSpan buildAllowance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packs);
        System.IO.Directory.CreateDirectory(Directory);
        var schema = ScaleLedger.SchemaVersion();
        var name = string.Create(CultureInfo.InvariantCulture, $"scale-{entries}-{packs.Count}-{packs.BatchSize}");
        var path = Path.Combine(Directory, name + ".db");
        var manifestPath = Path.Combine(Directory, name + ".json");
        var gate = await LockAsync(path + ".lock", cancellationToken);
        try
        {
            var options = new PackLedgerOptions(new LedgerOptions(path), ScratchSecret.LoadOrCreate(path + ".scratch"));
            if (Read(manifestPath) is { } manifest && manifest.Schema == schema && File.Exists(path))
            {
                var root = Convert.FromHexString(manifest.Root);
                var ledger = await PackLedger.OpenAsync(options, cancellationToken);
                try
                {
                    await ScaleLedger.VerifyAsync(ledger, entries, root, packs, cancellationToken);
                    return new ScaleLedgerHandle(ledger, root, manifest.BuildSeconds, reused: true, gate);
                }
                catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
                {
                    // Not what was built (or not a sound ledger any more): rebuild it.
                    await ledger.DisposeAsync();
                }
            }

            File.Delete(manifestPath);
            var watch = Stopwatch.StartNew();
            byte[] built;
            using (var allowance = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                allowance.CancelAfter(buildAllowance);
                try
                {
                    built = await ScaleLedger.BuildAsync(options, entries, packs, allowance.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                        $"Building the {entries:N0}-entry scale ledger did not finish within {buildAllowance.TotalMinutes:0.#} min; build it once in {Directory} "
                        + $"without the harness's budget (a run with {Variable} pointing there and more time, or on a quieter machine), later runs reuse it."));
                }
            }

            var seconds = watch.Elapsed.TotalSeconds;
            await File.WriteAllTextAsync(manifestPath, JsonSerializer.Serialize(new Manifest(schema, Convert.ToHexString(built), seconds)), cancellationToken);
            return new ScaleLedgerHandle(await PackLedger.OpenAsync(options, cancellationToken), built, seconds, reused: false, gate);
        }
        catch
        {
            await gate.DisposeAsync();
            throw;
        }
    }

    /// <summary>One harness at a time per cached file (another worktree's run may share the cache folder).</summary>
    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private static Manifest? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Manifest(string Schema, string Root, double BuildSeconds);
}
