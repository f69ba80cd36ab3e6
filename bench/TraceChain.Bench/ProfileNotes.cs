namespace TraceChain.Bench;

/// <summary>
/// What a profile showed limits a figure, written by hand from a profiling session (tool, mode, commit) and printed
/// under the table of BENCHMARKS.md whenever that figure is measured, so a missed goal comes with its reason.
/// </summary>
public static class ProfileNotes
{
    public static readonly IReadOnlyList<(string Figure, string Text)> All =
    [
        ("verify_http_p99_ms", VerifyHttpLatency),
        ("verify_http_rps", VerifyHttp),
    ];

    private const string VerifyHttpLatency =
        "Latency is measured at the goal's rate: 64 clients paced at 5,000 req/s in all, each request timed from when it was due "
        + "if its client was still waiting for the previous answer (no coordinated omission), after a 2 s paced warm-up. The tail came from "
        + "three places, each found with Linux perf (runtime perf map) and per-commit timings of the writer, the WAL sync and the checkpoint "
        + "passes (commit 08a6558 and after, 2026-11-23). CPU: the thread pool's idle workers spun in sched_yield (a sixth of the samples, "
        + "mostly context switches in this VM), the host watched its content root, where the ledger writes, for config changes (5 %), "
        + "SQLite walked the writer's 64 MiB page cache at every commit (4-5 %), and HttpClient took about a third of the process CPU: "
        + "CPU per verification went from 243 to about 185 us, clients included. The writer: each group waited for its own fsync (0.4-1.5 ms) "
        + "and a verification for one to two groups; the WAL sync now runs beside the writer (pipelined group commit), the writer is busy "
        + "about 30 % at 5,000 req/s. The disk: the cache flush ending each WAL sync also writes what the background checkpoint copied "
        + "since the flush before, so a pass every 32 commits made WAL syncs wait up to 7-13 ms; a pass every 5 ms gives a sync p99 near "
        + "2 ms. Same-hour runs of this benchmark on this machine, paced p99: 28.5 ms before (committed run), 20.8 ms with the CPU fixes, "
        + "13.8 ms with the pipelined sync, 7.2 ms with the small checkpoint passes; with no checkpoints at all 7.1 ms, the floor of this "
        + "design here. What is left: p50 is about 2.7 ms, of which the writer path (queue, body, commit, the sync in flight and its own) is "
        + "about 1.5 ms and HTTP with the thread pool the rest; a sync p99 of 2-3 ms and GC pauses (about 2 % of the time) make the tail. "
        + "Tried next (2026-11-23, same-hour runs against the code as it is, none clearly better, so none kept): a fixed gen0 budget of "
        + "64 MB (DOTNET_GCgen0size; this VM reports no cache sizes, so the GC keeps gen0 near 2.5 MB and collects about 12 times a second) "
        + "cut GC pauses from about 2 % to 0.3 % of the time, paced p99 6.2-7.9 ms against 6.0-10.9 ms without; inline socket completions "
        + "with Kestrel's inline scheduling 5.5-9.2 ms; two WAL syncs in flight at once made each sync slower (p50 0.65 against 0.43 ms) "
        + "and commit-to-durable no faster; Workstation GC was worse. Where a verification's time goes now (paced run): the writer answers "
        + "about 70 % within 1-2 ms of queueing and 20-25 % within 2-5 ms (WAL sync p50 0.4-0.8 ms, p99 1.4-2.9 ms; commit to durable p50 "
        + "0.6-1.1 ms), end to end about 80 % take 2-5 ms, and kernel time (wake-ups and context switches, about 4.5 per request, costly "
        + "in this paravirtualized VM) is about half of the process's CPU samples. The same paced clients in a process of their own, run "
        + "right before the in-process ones against the same server, gave no better p99 (8.4-9.6 ms against 7.3-9.2 ms): the server "
        + "process alone takes about 175 us of CPU per verification and the lean clients about 47 us, so at 5,000 req/s the 2 cores are "
        + "about 55 % busy either way. Next steps: fewer thread hand-offs and less CPU per request in the server, and a machine whose disk "
        + "and cores are not shared.";

    private const string VerifyHttp =
        "Throughput is the most 16 clients get answered back to back. Before the first fixes (commit 6755e06) an API-key check per "
        + "request and one durable commit per verification held it near 800/s; now verified keys are cached, validators built once, and "
        + "concurrent verifications share one commit whose WAL sync runs beside the writer. At 5,000 req/s the process uses about 185 us of "
        + "CPU per verification, clients included (about 10,000 req/s at most on 2 cores), and the writer is busy about 30 %; GET /healthz "
        + "through the same clients reaches about 20,000 req/s. Runs on this shared machine vary by up to a factor of 2 from one to the next.";
}
