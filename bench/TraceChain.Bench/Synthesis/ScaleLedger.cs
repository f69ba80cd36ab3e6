using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TraceLedger.Log;
using TraceLedger.Packs;
using TraceLedger.Packs.Storage;
using TraceLedger.Storage;

namespace TraceChain.Bench.Synthesis;

/// <summary>
/// Builds a ledger file of any size for the scale benchmarks: <c>entries</c> hop entries (<see cref="SyntheticHops"/>)
/// with every stored subtree node, and the packs of <see cref="SyntheticPacks"/> in the pack tables, written in
/// bulk (<see cref="BulkLoad"/>) into the schema the product's own migrations create. The file is then opened
/// through the product (<see cref="PackLedger.OpenAsync"/>), which checks that the stored right edge of the tree
/// hashes to the recorded root and signs a checkpoint for it, and the manufacturer is registered by a real append
/// on top of the synthesised tree.
/// </summary>
public static class ScaleLedger
{
    /// <summary>Bumped whenever the builder writes different rows, so cached files of an older builder are not reused.</summary>
    public const int BuilderVersion = 1;

    private static readonly long CommissionedAtMs = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Builds (replacing) the ledger at <paramref name="options"/>' path; returns the root of the synthesised entries.</summary>
    public static async Task<byte[]> BuildAsync(PackLedgerOptions options, long entries, SyntheticPacks packs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(packs);
        var path = options.Ledger.DatabasePath;
        string[] files = [path, path + "-wal", path + "-shm", options.Ledger.EffectiveKeyPath];
        Delete(files);
        try
        {
            return await BuildFreshAsync(options, entries, packs, cancellationToken);
        }
        catch
        {
            // Whatever was written is not a ledger anyone should open.
            Delete(files);
            throw;
        }
    }

    private static async Task<byte[]> BuildFreshAsync(PackLedgerOptions options, long entries, SyntheticPacks packs, CancellationToken cancellationToken)
    {
        var path = options.Ledger.DatabasePath;

        // The schema comes from the product's migrations, nothing else.
        var store = await LedgerStore.OpenAsync(path, cancellationToken);
        string[] tables;
        await using (var connection = await store.OpenConnectionAsync(cancellationToken))
        {
            await PackSchema.MigrateAsync(connection, cancellationToken);
            await using var log = store.CreateContext(connection);
            await using var lifecycle = PackSchema.CreateContext(connection);
            tables =
            [
                ModelTable<EntryRow>.TableOf(log), ModelTable<TreeNodeRow>.TableOf(log),
                ModelTable<ProductRow>.TableOf(lifecycle), ModelTable<BatchRow>.TableOf(lifecycle), ModelTable<PackRow>.TableOf(lifecycle),
            ];
        }

        byte[] root;
        using (var bulk = BulkLoad.Open(path, tables))
        {
            root = LogSynthesizer.Write(bulk.Connection, entries, new SyntheticHops(packs).At, cancellationToken);
            PackSynthesizer.Write(
                bulk.Connection, Batches(packs), SyntheticPacks.Manufacturer, SyntheticPacks.Expiry, SyntheticPacks.Product,
                options.ScratchSecret, commissionedSeq: 0, CommissionedAtMs, cancellationToken);
            bulk.Complete();
        }

        await using var ledger = await PackLedger.OpenAsync(options, cancellationToken);
        await ledger.Ledger.RegisterPartyAsync(new PartyRegistration(SyntheticPacks.Manufacturer, "Scale Pharma", PartyRole.Manufacturer, 31.2, 121.5), cancellationToken);
        await VerifyAsync(ledger, entries, root, packs, cancellationToken);
        return root;
    }

    private static void Delete(string[] files)
    {
        // A pooled connection to a file deleted here would be handed out again for the new one.
        SqliteConnection.ClearAllPools();
        foreach (var file in files)
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Checks an opened scale ledger against what was synthesised: the tree at the synthesised size has the
    /// independently computed root (through the product's consistency proof), the checkpoint covers it, and
    /// exactly the expected packs are there, first and last answering genuine.
    /// </summary>
    public static async Task VerifyAsync(PackLedger ledger, long entries, byte[] root, SyntheticPacks packs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(packs);
        var size = ledger.Ledger.Checkpoint.TreeSize;
        Require(size == entries + 1, $"the checkpoint covers {size} entries, not the {entries} synthesised plus the manufacturer's registration");
        var proof = await ledger.Ledger.ConsistencyProofAsync(entries, size, cancellationToken);
        Require(proof.FromRoot.AsSpan().SequenceEqual(root), $"the stored tree of {entries} entries does not hash to the synthesised root");
        Require(TraceChain.Protocol.Merkle.MerkleProofs.VerifyConsistency(entries, size, proof.Proof, root, ledger.Ledger.Checkpoint.RootHash), "the checkpoint is not consistent with the synthesised tree");
        foreach (var i in new[] { 0, packs.Count - 1 })
        {
            var verdict = ledger.Verdicts.Lookup(new VerdictRequest(packs.Identifier(i), SyntheticPacks.Lot(i / packs.BatchSize), SyntheticPacks.Expiry));
            Require(verdict.Code == VerdictCode.Genuine, $"pack {i} ({packs.Identifier(i)}) is {verdict.Code}, not genuine");
        }

        var unknown = ledger.Verdicts.Lookup(new VerdictRequest(packs.Identifier(packs.Count)));
        Require(unknown.Code == VerdictCode.UnknownSerial, $"the first never-commissioned serial is {unknown.Code}, not unknown");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ledger.Ledger.DatabasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        await using var lifecycle = PackSchema.CreateContext(connection);
        count.CommandText = $"SELECT count(*) FROM \"{ModelTable<PackRow>.TableOf(lifecycle)}\";";
        var stored = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        Require(stored == packs.Count, $"{stored} packs are stored, not {packs.Count}");
    }

    /// <summary>The product's migrations, newest of each schema: a cached file is reused only under the same ones.</summary>
    public static string SchemaVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var log = new LedgerDbContext(new DbContextOptionsBuilder<LedgerDbContext>().UseSqlite(connection).Options);
        using var lifecycle = PackSchema.CreateContext(connection);
        return $"{log.Database.GetMigrations().Last()}+{lifecycle.Database.GetMigrations().Last()}+builder{BuilderVersion}";
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException("Scale ledger check failed: " + problem + ".");
        }
    }

    private static IEnumerable<PackSynthesizer.Batch> Batches(SyntheticPacks packs)
    {
        for (long b = 0; b < packs.Batches; b++)
        {
            var first = b * packs.BatchSize;
            var count = (int)Math.Min(packs.BatchSize, packs.Count - first);
            var identifiers = new string[count];
            var scratch = new string[count];
            Parallel.For(0, count, k =>
            {
                identifiers[k] = packs.Identifier(first + k);
                scratch[k] = SyntheticPacks.ScratchDigits(first + k);
            });
            yield return new PackSynthesizer.Batch(SyntheticPacks.GtinOfBatch(b), SyntheticPacks.Lot(b), identifiers, scratch);
        }
    }
}
