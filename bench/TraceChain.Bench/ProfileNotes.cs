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
        "Latency is measured at the goal's rate: 64 in-process clients paced at 5,000 req/s in all, each request timed from when it was due "
        + "if its client was still waiting for the previous answer (no coordinated omission). The note of the row splits the tail: the share of "
        + "requests over 5 ms end to end beside the share the ledger's writer answered more than 5 ms after they were queued (queue, body, "
        + "durable commit). In a full run at commit 475d7e4, 27.6 % were over 5 ms end to end and 11.0 % in the writer, so the writer explains less than half "
        + "of the tail. The rest is CPU scheduling on 2 cores shared with the clients: Linux perf of a paced run (499 Hz, 20 s, commit 475d7e4, "
        + "runtime perf map) put 20 % of the samples in kernel context switches (finish_task_switch) and 10.7 % in sched_yield called from the "
        + "runtime's spin-waits; SQLite's own work was about 5 %. Server GC paused 241 ms in 10 s (128 gen0 collections, 20 KB allocated per "
        + "request, clients included). The writer's part is a group-commit cycle: a verification waits for the cycle in progress and then "
        + "its own (bodies plus one durable commit, 0.7-1.5 ms on this disk), so its latency is one to two cycles. What was fixed: SQLite's "
        + "WAL checkpoints ran inside the writer's commits and stalled every queued write for 10-20 ms each time the WAL reached 1,000 pages; "
        + "they now run beside it, which took the saturated p99 from 22.5 ms to 9.3 ms and throughput from 6,088 to 6,576 req/s; the writer "
        + "also has a thread of its own. Not meeting 5 ms at 5,000 req/s here means running near the machine's capacity (about 6,500 req/s "
        + "with the clients on the same 2 cores). Next steps, in order of expected gain: take the verdict's reads out of the writer so it only "
        + "records counts and sightings; cut the allocations per request; move the clients off the server's cores. Pipelining the fsync "
        + "(commit with synchronous=NORMAL and fsync the WAL on a second thread, answering after it) would raise the writer's capacity but not "
        + "shorten one verification's wait for its fsync.";

    private const string VerifyHttp =
        "Profile of the measured phase (Linux perf at 499 Hz with the runtime's perf map; inclusive share of the process's CPU samples, "
        + "the in-process clients included). Before the fixes (quick, commit 6755e06, 625-945 req/s): the API-key check was 31 % "
        + "(ApiKeyStore.VerifyAsync opened a SQLite connection and built an EF Core context per request; the context set-up alone 12 %), "
        + "validators built per request 4 %, and every verification was its own durable commit (fsync 6 %). Now verified keys are cached "
        + "(auth 0.6-1.5 %), validators are built once, and concurrent verifications share one durable commit (about 9 per commit at 16 "
        + "clients; the row update touches no index). After (full, 1,000,000 packs, machine load 30-40 from other builds): the runtime's "
        + "background tiered JIT 43 % (still recompiling after a 10 s warm-up), thread-pool spinning 8 %, Kestrel request handling 7 %, "
        + "in-process HttpClient 5 %, socket syscalls 4 %, fsync 4 %, the log writer 3.5 % (the verification body 2.5 %). What limits the "
        + "figure here is wall clock in the single writer: busy 77-80 % with a commit taking 7.6-11.9 ms on the shared CPU and disk "
        + "(a lone commit 0.3-0.6 ms when quiet), so about 9 verifications per commit cap it near 800/s. On quiet cores the ceiling is "
        + "CPU: 440-520 us per verification without the JIT, clients included, i.e. 3,800-4,500 req/s on 2 cores, and the same clients "
        + "reach only 5,100-7,100 req/s on GET /healthz: HTTP on loopback with its clients on the same 2 cores is itself near the goal. "
        + "Re-measured on a quiet machine (quick, commit 056f284, load about 3): 3,976 req/s, p50 3.6 ms, p99 12.3 ms; 279 us CPU per "
        + "verification plus 141 us of background JIT; the writer busy 92 % with 4.8 verifications per 0.94 ms durable commit. The "
        + "single writer's commits are the ceiling again: more verifications per commit (more concurrent clients) or a cheaper commit "
        + "(WAL checkpoints moved off the writer) are the next steps, not more CPU work removed from the request.";
}
