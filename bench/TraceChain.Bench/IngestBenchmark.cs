using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Signing;
using TraceLedger.Log;
using TraceLedger.Storage;

namespace TraceChain.Bench;

/// <summary>
/// Ledger ingest: batches of 1,000 signed hops appended to a SQLite file (WAL, synchronous=FULL) through
/// <see cref="Ledger.AppendAsync"/>, against the same-run limit for the same hops: parallel ECDSA verification
/// plus a raw batched insert of the same rows into the same schema. Batches alternate between the two so load
/// from other processes hits both alike. Also the p50 time of an inclusion proof from storage in a large tree.
/// </summary>
public sealed class IngestBenchmark : IBenchmark
{
    private const int BatchSize = 1000;
    private const int Devices = 8;
    private static readonly string PartyGln = "4012345000009";

    public string Name => "Ingest";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var batches = context.Size(40, 8);
        var figures = new List<Figure>();
        figures.AddRange(await IngestAsync(context.ScratchDirectory, batches, cancellationToken));
        var proofSize = context.Size(1 << 20, 1 << 16);
        figures.Add(await ProofAsync(context.ScratchDirectory, proofSize, cancellationToken));
        return figures;
    }

    private static async Task<IReadOnlyList<Figure>> IngestAsync(string scratch, int batches, CancellationToken cancellationToken)
    {
        var keys = Enumerable.Range(0, Devices).Select(_ => DeviceKeys.Create()).ToArray();
        await using var ledger = await Ledger.OpenAsync(new LedgerOptions(Path.Combine(scratch, "ingest.db")), cancellationToken);
        await ledger.RegisterPartyAsync(new PartyRegistration(PartyGln, "Bench Pharma", PartyRole.Distributor), cancellationToken);
        for (var d = 0; d < Devices; d++)
        {
            await ledger.RegisterDeviceAsync(new DeviceRegistration($"bench-{d}", PartyGln, DeviceKeys.SubjectPublicKeyInfo(keys[d])), cancellationToken);
        }

        var limitStore = await LedgerStore.OpenAsync(Path.Combine(scratch, "limit.db"), cancellationToken);
        await using var limitConnection = await limitStore.OpenConnectionAsync(cancellationToken);
        var ingest = TimeSpan.Zero;
        var ingestCpu = TimeSpan.Zero;
        using var self = Process.GetCurrentProcess();
        var verify = TimeSpan.Zero;
        var insert = TimeSpan.Zero;
        var counters = new long[Devices];
        long nextRawSeq = 0;

        // One warm-up batch (JIT, page cache) that is not counted.
        for (var b = -1; b < batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hops = Sign(keys, counters, b + 1);
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var receipts = await ledger.AppendAsync(hops, cancellationToken);
            var ingestTime = watch.Elapsed;
            self.Refresh();
            var ingestCpuTime = self.TotalProcessorTime - cpuBefore;
            if (receipts.Any(r => !r.Accepted))
            {
                throw new InvalidOperationException("Benchmark hop refused: " + receipts.First(r => !r.Accepted).Message);
            }

            var (verifyTime, insertTime) = Limit(limitConnection, hops, keys, ref nextRawSeq);
            if (b >= 0)
            {
                ingest += ingestTime;
                ingestCpu += ingestCpuTime;
                verify += verifyTime;
                insert += insertTime;
            }
        }

        var hopsMeasured = (double)batches * BatchSize;
        var rate = hopsMeasured / ingest.TotalSeconds;
        var limit = hopsMeasured / (verify + insert).TotalSeconds;
        // Other engineers share the cores: CPU seconds per hop tell what the same work costs on idle cores.
        var cpuRate = hopsMeasured / ingestCpu.TotalSeconds * Environment.ProcessorCount;
        var note = $"{batches} batches of {BatchSize}; limit = parallel verify {hopsMeasured / verify.TotalSeconds:N0}/s + raw insert {hopsMeasured / insert.TotalSeconds:N0}/s; "
            + $"{Environment.ProcessorCount} cores shared (load {LoadAverage()}); ingest CPU {ingestCpu.TotalMilliseconds * 1000 / hopsMeasured:0} us/hop, i.e. ~{cpuRate:N0} hops/s on idle cores";
        return
        [
            new Figure("ingest_hops_per_s", rate, "hops/s", limit, rate / limit, note),
            new Figure("ingest_limit_hops_per_s", limit, "hops/s", Note: note),
            new Figure("ingest_ratio_to_limit", rate / limit, "ratio", Note: note),
        ];
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static List<SignedHop> Sign(ECDsa[] keys, long[] counters, int batch)
    {
        var hops = new SignedHop[BatchSize];
        Parallel.For(0, BatchSize, i =>
        {
            var d = i % Devices;
            var counter = counters[d] + 1 + (i / Devices);
            var hop = new Hop(
                $"bench-{d}", counter, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(counter), "+08:00",
                BizStep.Receiving, Disposition.InProgress, PartyGln, [PackIdentifier.ForGtinSerial("04006381333931", $"B{batch}N{i}")]);
            hops[i] = SignedHop.Create(hop, keys[d]);
        });
        for (var d = 0; d < Devices; d++)
        {
            counters[d] += BatchSize / Devices;
        }

        return [.. hops];
    }

    /// <summary>The floor of what an append must do for these hops: verify every signature in parallel, then insert the same rows in one transaction.</summary>
    private static (TimeSpan Verify, TimeSpan Insert) Limit(SqliteConnection connection, List<SignedHop> hops, ECDsa[] keys, ref long nextSeq)
    {
        var canonical = hops.Select(h => HopCanonicalizer.Canonicalize(h.Hop)).ToArray();
        var signatures = hops.Select(h => DeviceSignature.TryDecode(h.Signature, out var s) ? s : throw new InvalidOperationException("bad signature encoding")).ToArray();
        var entries = hops.Select(h => h.ToEntryBytes()).ToArray();
        var watch = Stopwatch.StartNew();
        var valid = 0;
        Parallel.For(0, hops.Count, i =>
        {
            var d = int.Parse(hops[i].Hop.DeviceId.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture);
            if (DeviceSignature.Verify(canonical[i], signatures[i], keys[d]))
            {
                Interlocked.Increment(ref valid);
            }
        });
        var verify = watch.Elapsed;
        if (valid != hops.Count)
        {
            throw new InvalidOperationException("Limit verification failed.");
        }

        watch.Restart();
        using (var transaction = connection.BeginTransaction())
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO entries (seq, kind, leaf_hash, entry_bytes, content_hash, device_id, counter, received_at_ms) VALUES ($s, 1, $l, $b, $c, $d, $n, 0);";
            var p = new[] { "$s", "$l", "$b", "$c", "$d", "$n" }.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            for (var i = 0; i < hops.Count; i++)
            {
                p[0].Value = nextSeq++;
                p[1].Value = MerkleHash.Leaf(entries[i]);
                p[2].Value = entries[i];
                p[3].Value = SHA256.HashData(canonical[i]);
                p[4].Value = hops[i].Hop.DeviceId;
                p[5].Value = hops[i].Hop.Counter;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return (verify, watch.Elapsed);
    }

    /// <summary>p50 of inclusion proofs from storage in a tree of <paramref name="size"/> leaves (filled with raw rows: the proof path is what is timed).</summary>
    private static async Task<Figure> ProofAsync(string scratch, int size, CancellationToken cancellationToken)
    {
        var path = Path.Combine(scratch, "proof.db");
        var store = await LedgerStore.OpenAsync(path, cancellationToken);
        await using (var connection = await store.OpenConnectionAsync(cancellationToken))
        {
            FillTree(connection, size);
        }

        await using var ledger = await Ledger.OpenAsync(new LedgerOptions(path), cancellationToken);
        var random = new Random(42);
        var times = new List<double>();
        for (var i = 0; i < 2000; i++)
        {
            var seq = random.NextInt64(size);
            var watch = Stopwatch.StartNew();
            await ledger.InclusionProofAsync(seq, size, cancellationToken);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new Figure("proof_ms_1m", Measure.Percentile(times, 50), "ms", Note: $"p50 of 2,000 inclusion proofs at {size:N0} entries, p99 {Measure.Percentile(times, 99):0.###} ms");
    }

    private static void FillTree(SqliteConnection connection, int size)
    {
        using var transaction = connection.BeginTransaction();
        using var entry = connection.CreateCommand();
        entry.Transaction = transaction;
        entry.CommandText = "INSERT INTO entries (seq, kind, leaf_hash, entry_bytes, content_hash, received_at_ms) VALUES ($s, 2, $l, $b, $c, 0);";
        var ep = new[] { "$s", "$l", "$b", "$c" }.Select(n => entry.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        using var node = connection.CreateCommand();
        node.Transaction = transaction;
        node.CommandText = "INSERT INTO tree_nodes (level, idx, hash) VALUES ($l, $i, $h);";
        var np = new[] { "$l", "$i", "$h" }.Select(n => node.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        var level = new List<byte[]>(size);
        for (var s = 0; s < size; s++)
        {
            var bytes = BitConverter.GetBytes((long)s);
            var leaf = MerkleHash.Leaf(bytes);
            (ep[0].Value, ep[1].Value, ep[2].Value, ep[3].Value) = (s, leaf, bytes, SHA256.HashData(bytes));
            entry.ExecuteNonQuery();
            level.Add(leaf);
        }

        var all = level;
        for (var l = 1; level.Count > 1; l++)
        {
            var up = new List<byte[]>(level.Count / 2);
            for (var i = 0; i + 1 < level.Count; i += 2)
            {
                up.Add(MerkleHash.Node(level[i], level[i + 1]));
                (np[0].Value, np[1].Value, np[2].Value) = (l, (long)(i / 2), up[^1]);
                node.ExecuteNonQuery();
            }

            level = up;
        }

        using var state = connection.CreateCommand();
        state.Transaction = transaction;
        state.CommandText = "UPDATE log_state SET tree_size = $n, root_hash = $r WHERE id = 1;";
        state.Parameters.AddWithValue("$n", size);
        state.Parameters.AddWithValue("$r", MerkleProofs.RootFromLeaves(all));
        state.ExecuteNonQuery();
        transaction.Commit();
    }
}
