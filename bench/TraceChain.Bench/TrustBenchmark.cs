using System.Diagnostics;
using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Merkle;
using TraceChain.Protocol.Proofs;
using TraceChain.Protocol.Signing;

namespace TraceChain.Bench;

/// <summary>
/// Cost of the trust primitives on one core: signing hops at the edge, checking them at ingest (the per-hop
/// floor of the ledger), and a client's offline proof check against a 10-million-entry log.
/// </summary>
public sealed class TrustBenchmark : IBenchmark
{
    public string Name => "trust";

    public Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(20_000, 3_000);
        using var device = DeviceKeys.Create();
        using var log = DeviceKeys.Create();
        var hops = Enumerable.Range(0, count).Select(Hop).ToArray();

        // Per-hop times, so the median shows the cost on one core even when the shared machine is busy.
        var entries = new byte[count][];
        var signUs = PerOperation(count, i => entries[i] = SignedHop.Create(hops[i], device).ToEntryBytes());
        cancellationToken.ThrowIfCancellationRequested();

        // Ingest check: parse the entry, recompute canonical bytes, verify the signature, hash the leaf.
        var verifyUs = PerOperation(count, i =>
        {
            if (!SignedHop.Parse(entries[i]).Verify(device))
            {
                throw new InvalidOperationException("benchmark hop failed to verify");
            }

            MerkleHash.Leaf(entries[i]);
        });
        cancellationToken.ThrowIfCancellationRequested();

        // Client check of a proof bundle against a 10M-entry log (perfect subtrees synthesised, 24-node path).
        const long size = 10_000_000;
        const long index = 7_654_321;
        // Subtrees off the entry's path are synthetic; those above the entry are computed so the tree is consistent.
        byte[] Perfect(long k, int level) =>
            (k << level) > index || ((k + 1) << level) <= index ? MerkleHash.Leaf(BitConverter.GetBytes((k << 6) | (long)level))
            : level == 0 ? MerkleHash.Leaf(entries[0])
            : MerkleHash.Node(Perfect(2 * k, level - 1), Perfect((2 * k) + 1, level - 1));
        var proof = MerkleProofs.InclusionProof(index, size, (s, e) => MerkleProofs.RangeHash(s, e, Perfect));
        var root = MerkleProofs.RangeHash(0, size, Perfect);
        var signer = new NoteSigner("bench.example/log", log);
        var bundle = new ProofBundle(entries[0], index, proof, signer.Sign(new Checkpoint("bench.example/log", size, root).ToNoteText()).Format());
        var verifier = signer.Verifier();
        var checks = context.Size(5_000, 1_000);
        var samples = new double[checks];
        for (var i = 0; i < checks; i++)
        {
            var watch = Stopwatch.StartNew();
            if (!ProofBundleVerifier.Verify(bundle, verifier, device).IsValid)
            {
                throw new InvalidOperationException("benchmark bundle failed to verify");
            }

            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        IReadOnlyList<Figure> figures =
        [
            new("hop_sign_per_s", 1e6 / Measure.Percentile(signUs, 50), "hops/s", Note: $"1 / median; JCS + ECDSA P-256 sign + entry bytes; p99 {Measure.Percentile(signUs, 99):F0} us"),
            new("hop_verify_per_s", 1e6 / Measure.Percentile(verifyUs, 50), "hops/s", Note: $"1 / median; parse entry + JCS + ECDSA verify + leaf hash; p99 {Measure.Percentile(verifyUs, 99):F0} us"),
            new("bundle_verify_p50_ms_10m", Measure.Percentile(samples, 50), "ms", Note: $"offline proof bundle check, {proof.Count}-node path, note + hop signatures"),
            new("bundle_verify_p99_ms_10m", Measure.Percentile(samples, 99), "ms"),
        ];
        return Task.FromResult(figures);
    }

    private static double[] PerOperation(int count, Action<int> operation)
    {
        var micros = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            operation(i);
            micros[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        return micros;
    }

    private static Hop Hop(int i) => new(
        "bench-scanner", i, DateTimeOffset.UnixEpoch.AddMilliseconds(1_700_000_000_000L + i), "+08:00",
        BizStep.Receiving, Disposition.InProgress, "9506000134376",
        [PackIdentifier.ForGtinSerial("09506000134352", "S" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        Source: "6951234000011", Batch: "L2301", Expiry: "271231");
}
